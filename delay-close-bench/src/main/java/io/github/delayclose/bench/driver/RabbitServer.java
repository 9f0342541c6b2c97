package io.github.delayclose.bench.driver;

import java.util.Map;

/**
 * The RabbitMQ broker the application under test and the driver connect to.
 *
 * @param addresses {@code host:port}, comma separated: one node, or every node of a cluster
 */
public record RabbitServer(String addresses, String user, String password) {

    /** A single node. */
    public static RabbitServer at(String host, int port, String user, String password) {
        return new RabbitServer(host + ":" + port, user, password);
    }

    /** The same broker as {@code spring.rabbitmq.*} properties for the application under test. */
    public Map<String, String> springProperties() {
        return Map.of("spring.rabbitmq.addresses", addresses, "spring.rabbitmq.username", user,
                "spring.rabbitmq.password", password);
    }
}
