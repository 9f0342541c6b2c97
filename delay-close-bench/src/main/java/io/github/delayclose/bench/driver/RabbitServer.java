package io.github.delayclose.bench.driver;

import java.util.Map;

/** The RabbitMQ broker the application under test and the driver connect to. */
public record RabbitServer(String host, int port, String user, String password) {

    /** The same broker as {@code spring.rabbitmq.*} properties for the application under test. */
    public Map<String, String> springProperties() {
        return Map.of("spring.rabbitmq.host", host, "spring.rabbitmq.port", Integer.toString(port),
                "spring.rabbitmq.username", user, "spring.rabbitmq.password", password);
    }
}
