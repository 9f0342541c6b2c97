package io.github.delayclose.core.publish;

import java.util.Objects;

import org.springframework.amqp.core.Message;

/**
 * A message and where it goes.
 *
 * @param exchange the exchange; {@code ""} for the default exchange
 * @param routingKey the routing key; a queue's name with the default exchange
 * @param message the message
 */
public record Outgoing(String exchange, String routingKey, Message message) {

    public Outgoing {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(routingKey, "routingKey");
        Objects.requireNonNull(message, "message");
    }
}
