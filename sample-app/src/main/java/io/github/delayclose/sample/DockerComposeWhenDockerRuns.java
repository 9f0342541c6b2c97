package io.github.delayclose.sample;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Starts {@code compose.yaml}'s RabbitMQ and MySQL only where a Docker engine runs.
 *
 * <p>With {@code spring-boot-docker-compose} on the class path (it is for {@code spring-boot:run},
 * not in the jar), Spring Boot runs {@code docker compose up} at start-up and fails start-up when
 * there is no {@code docker} command or no engine behind it. Someone trying the demo without Docker
 * expects it to use the services on this machine instead, as {@code application.yml} names them. So,
 * unless {@code spring.docker.compose.enabled} is set, this switches Docker Compose support off when
 * {@code docker info} does not answer, and logs that it did.
 */
public class DockerComposeWhenDockerRuns implements EnvironmentPostProcessor {

    static final String ENABLED = "spring.docker.compose.enabled";

    static final String SOURCE_NAME = "demoDockerComposeWhenDockerRuns";

    private static final String DOCKER_COMPOSE_SUPPORT =
            "org.springframework.boot.docker.compose.lifecycle.DockerComposeLifecycleManager";

    private static final long DOCKER_INFO_TIMEOUT_SECONDS = 10;

    private final Log log;

    private final BooleanSupplier dockerEngineAnswers;

    public DockerComposeWhenDockerRuns(DeferredLogFactory logs) {
        this(logs, DockerComposeWhenDockerRuns::dockerInfoAnswers);
    }

    DockerComposeWhenDockerRuns(DeferredLogFactory logs, BooleanSupplier dockerEngineAnswers) {
        this.log = logs.getLog(DockerComposeWhenDockerRuns.class);
        this.dockerEngineAnswers = dockerEngineAnswers;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(ENABLED)
                || !ClassUtils.isPresent(DOCKER_COMPOSE_SUPPORT, application.getClassLoader())
                || dockerEngineAnswers.getAsBoolean()) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, Map.of(ENABLED, "false")));
        log.info("No Docker engine answers (docker info), so compose.yaml's services are not started: the shop uses "
                + "RabbitMQ at " + environment.getProperty("spring.rabbitmq.host") + ":"
                + environment.getProperty("spring.rabbitmq.port") + " and the database at "
                + environment.getProperty("spring.datasource.url") + ". Set " + ENABLED + "=true to insist on Docker.");
    }

    /** Whether {@code docker info} reaches an engine: the command exists and the engine answers. */
    static boolean dockerInfoAnswers() {
        try {
            Process docker = new ProcessBuilder("docker", "info", "--format", "{{.ServerVersion}}")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!docker.waitFor(DOCKER_INFO_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                docker.destroyForcibly();
                return false;
            }
            return docker.exitValue() == 0;
        }
        catch (IOException ex) {
            return false; // no docker command
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
