package io.github.delayclose.it.faults;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.github.delayclose.core.message.DelayCloseHeaders;
import io.github.delayclose.test.services.RabbitEndpoint;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * What a run's parking queue held, by order id.
 *
 * @param parked messages delay-close parked, with their reason in {@value DelayCloseHeaders#PARKED_REASON}
 * @param rejected messages without a reason: the listener rejected them and the timeout queue
 *     dead-lettered them
 */
record ParkingQueue(Map<String, Integer> parked, Map<String, Integer> rejected) {

    /** Takes every message off the queue, on a connection of its own, not through a proxy. */
    static ParkingQueue drain(RabbitEndpoint rabbit, String queue) {
        CachingConnectionFactory connections = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        connections.setUsername(rabbit.username());
        connections.setPassword(rabbit.password());
        try {
            RabbitTemplate template = new RabbitTemplate(connections);
            Map<String, Integer> parked = new HashMap<>();
            Map<String, Integer> rejected = new HashMap<>();
            for (Message message = template.receive(queue); message != null; message = template.receive(queue)) {
                String orderId = new String(message.getBody(), StandardCharsets.UTF_8);
                boolean withReason = message.getMessageProperties().getHeader(DelayCloseHeaders.PARKED_REASON) != null;
                (withReason ? parked : rejected).merge(orderId, 1, Integer::sum);
            }
            return new ParkingQueue(Map.copyOf(parked), Map.copyOf(rejected));
        }
        finally {
            connections.destroy();
        }
    }
}
