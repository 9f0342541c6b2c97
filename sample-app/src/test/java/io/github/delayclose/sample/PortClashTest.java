package io.github.delayclose.sample;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starting the demo while its web port or its simulator's port is taken (a second demo shop, say)
 * ends with Spring Boot's failure report, which names the port and what to do, not with a stack trace.
 * No broker or database is needed: the shop fails before it uses them.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortClashTest {

    @Test
    void webPortTaken(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatException().isThrownBy(() -> startShop(taken.getLocalPort(), freePort()));

            assertThat(output).contains("APPLICATION FAILED TO START")
                    .contains("Web server failed to start. Port " + taken.getLocalPort() + " was already in use.")
                    .doesNotContain("Application run failed");
        }
    }

    @Test
    void simulatorPortTaken(CapturedOutput output) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatException().isThrownBy(() -> startShop(0, taken.getLocalPort()));

            assertThat(output).contains("APPLICATION FAILED TO START")
                    .contains("Port " + taken.getLocalPort() + " on 127.0.0.1 was already in use")
                    .contains("WXPAY_SIMULATOR_PORT")
                    .doesNotContain("Application run failed");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The demo as a user starts it, with unreachable services and the given ports. */
    private static void startShop(int webPort, int simulatorPort) {
        SpringApplication.run(SampleShopApplication.class, "--server.port=" + webPort,
                "--demo.wxpay-simulator.port=" + simulatorPort,
                "--spring.datasource.url=jdbc:mariadb://127.0.0.1:1/delay_close_demo", "--spring.flyway.enabled=false",
                "--spring.rabbitmq.port=1", "--delay-close.listener.auto-startup=false",
                "--delay-close.sweep.enabled=false", "--spring.docker.compose.enabled=false");
    }
}
