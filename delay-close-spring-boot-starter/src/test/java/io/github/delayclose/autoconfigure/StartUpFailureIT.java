package io.github.delayclose.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.delayclose.test.services.RabbitEndpoint;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.test.services.TestTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * A start-up that fails says why in Boot's failure report and lets the JVM exit at once: no
 * connection or pool thread of delay-close's keeps it alive (it used to linger for a minute).
 */
class StartUpFailureIT {

    @Test
    void aMismatchedTopologyFailsStartUpWithTheWayOutAndTheJvmExitsPromptly(@TempDir Path dir) throws Exception {
        String prefix = TestTopology.uniquePrefix("startup");
        RabbitEndpoint rabbit = TestServices.rabbit();
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        connectionFactory.setUsername(rabbit.username());
        connectionFactory.setPassword(rabbit.password());
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        // The tutorial's classic timeout queue, where delay-close now declares quorum queues.
        admin.declareQueue(new Queue(prefix + ".timeout", true, false, false,
                Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", prefix + ".parking")));
        try {
            Path output = dir.resolve("shop.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MisconfiguredShop.class.getName()));
            for (String property : rabbit.propertyValues()) {
                command.add("--" + property);
            }
            command.addAll(List.of("--delay-close.queues.delay=" + prefix + ".delay",
                    "--delay-close.queues.dead-letter-exchange=" + prefix + ".dlx",
                    "--delay-close.queues.timeout=" + prefix + ".timeout",
                    "--delay-close.queues.parking=" + prefix + ".parking", "--delay-close.sweep.enabled=false"));
            long started = System.nanoTime();
            Process shop = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();

            boolean exited = shop.waitFor(60, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            if (!exited) {
                shop.destroyForcibly();
            }
            String log = read(output);
            assertThat(exited).as("the JVM exits after the failed start-up; log:%n%s", log).isTrue();
            assertThat(shop.exitValue()).isNotZero();
            assertThat(seconds).as("exits promptly, not after a minute").isLessThan(30);
            assertThat(log).contains("APPLICATION FAILED TO START").contains("delay-close.queues.type=classic");
        }
        finally {
            admin.deleteQueue(prefix + ".timeout");
            connectionFactory.destroy();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
