package io.github.delayclose.test.services;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Where a test's RabbitMQ broker listens.
 *
 * @param host host name
 * @param port AMQP port
 * @param username user
 * @param password password
 */
public record RabbitEndpoint(String host, int port, String username, String password) {

    /** Points Spring Boot's {@code spring.rabbitmq.*} properties at this broker. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.rabbitmq.host", this::host);
        registry.add("spring.rabbitmq.port", this::port);
        registry.add("spring.rabbitmq.username", this::username);
        registry.add("spring.rabbitmq.password", this::password);
    }

    /** The same, as {@code key=value} pairs for {@code ApplicationContextRunner.withPropertyValues}. */
    public String[] propertyValues() {
        return new String[] { "spring.rabbitmq.host=" + host, "spring.rabbitmq.port=" + port,
                "spring.rabbitmq.username=" + username, "spring.rabbitmq.password=" + password };
    }
}
