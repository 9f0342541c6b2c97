package io.github.delayclose.test.services;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** Drains a parking queue into memory, so tests can look for a parked message repeatedly. */
public final class ParkingQueueReader {

    private final RabbitTemplate template;
    private final String queue;
    private final List<Message> parked = new CopyOnWriteArrayList<>();

    public ParkingQueueReader(RabbitTemplate template, String queue) {
        this.template = template;
        this.queue = queue;
    }

    /** The parked message whose body is the given text, draining what arrived meanwhile. */
    public Optional<Message> find(String body) {
        for (Message message = template.receive(queue); message != null; message = template.receive(queue)) {
            parked.add(message);
        }
        return parked.stream().filter(message -> new String(message.getBody(), StandardCharsets.UTF_8).equals(body)).findFirst();
    }
}
