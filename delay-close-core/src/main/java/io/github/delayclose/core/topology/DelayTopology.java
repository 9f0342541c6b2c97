package io.github.delayclose.core.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;

/**
 * The queues and exchange that carry an order from "created" to "window ended", and their names.
 *
 * <pre>
 * delay queue ──TTL──▶ dead-letter exchange (fanout) ──▶ timeout queue ──▶ listener
 *                                                          ▲      │ rejected
 *   retry queues (one per backoff step) ──TTL──────────────┘      ▼
 *   re-check queue (payer still paying) ──TTL──────────────┘   parking queue
 * </pre>
 *
 * <p>Retry and re-check queues dead-letter through the default exchange straight to the timeout
 * queue, so other queues bound to the dead-letter exchange see each timeout once. Their names
 * carry their TTL ({@code queue.ordertimeout.retry.4000ms}), so changing the backoff declares new
 * queues instead of clashing with existing ones. The timeout queue dead-letters to the parking
 * queue: a message the listener rejects is parked by the broker itself, never requeued forever.
 *
 * @param delayQueue where new orders' messages wait for their timeout
 * @param deadLetterExchange the fanout exchange expired messages go to
 * @param timeoutQueue the queue the listener consumes
 * @param parkingQueue where messages go that could not be handled
 * @param queueType classic or quorum, for every queue
 * @param timeout the payment window: the delay queue's message TTL
 * @param retryBackoff the waits between failed attempts
 * @param recheckInterval the wait before asking the provider again while the payer is paying
 */
public record DelayTopology(String delayQueue, String deadLetterExchange, String timeoutQueue, String parkingQueue,
        QueueType queueType, Duration timeout, RetryBackoff retryBackoff, Duration recheckInterval) {

    private static final String DEFAULT_EXCHANGE = "";

    public DelayTopology {
        requireName(delayQueue, "delay queue");
        requireName(deadLetterExchange, "dead-letter exchange");
        requireName(timeoutQueue, "timeout queue");
        requireName(parkingQueue, "parking queue");
        Objects.requireNonNull(queueType, "queueType");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        requireTtl(timeout, "timeout");
        requireTtl(recheckInterval, "recheck interval");
        if (List.of(delayQueue, timeoutQueue, parkingQueue).stream().distinct().count() < 3) {
            throw new IllegalArgumentException("the delay, timeout and parking queues need three different names, but were '"
                    + delayQueue + "', '" + timeoutQueue + "' and '" + parkingQueue + "'");
        }
    }

    /** The retry queue for the wait after the given number of failed attempts. */
    public String retryQueue(int failedAttempts) {
        return timeoutQueue + ".retry." + retryBackoff.delayAfter(failedAttempts).toMillis() + "ms";
    }

    /** The queue where messages wait before the provider is asked again. */
    public String recheckQueue() {
        return timeoutQueue + ".recheck." + recheckInterval.toMillis() + "ms";
    }

    /** Every exchange, queue and binding, for a {@code RabbitAdmin} to declare. */
    public Declarables declarables() {
        List<Declarable> declarables = new ArrayList<>();
        FanoutExchange exchange = new FanoutExchange(deadLetterExchange, true, false);
        Queue timeout = queue(timeoutQueue, deadLetterTo(DEFAULT_EXCHANGE, parkingQueue));
        declarables.add(exchange);
        declarables.add(queue(delayQueue, ttlThenDeadLetterTo(timeout(), deadLetterExchange, null)));
        declarables.add(timeout);
        declarables.add(bind(timeout, exchange));
        declarables.add(queue(parkingQueue, Map.of()));
        for (Duration delay : retryBackoff.distinctDelays()) {
            declarables.add(queue(timeoutQueue + ".retry." + delay.toMillis() + "ms",
                    ttlThenDeadLetterTo(delay, DEFAULT_EXCHANGE, timeoutQueue)));
        }
        declarables.add(queue(recheckQueue(), ttlThenDeadLetterTo(recheckInterval, DEFAULT_EXCHANGE, timeoutQueue)));
        return new Declarables(declarables);
    }

    /** The arguments the delay queue is declared with. */
    public Map<String, Object> delayQueueArguments() {
        return withQueueType(ttlThenDeadLetterTo(timeout, deadLetterExchange, null));
    }

    private Queue queue(String name, Map<String, Object> arguments) {
        return new Queue(name, true, false, false, withQueueType(arguments));
    }

    private Map<String, Object> withQueueType(Map<String, Object> arguments) {
        Map<String, Object> all = new LinkedHashMap<>(arguments);
        if (queueType == QueueType.QUORUM) {
            all.put("x-queue-type", "quorum");
            if (all.containsKey("x-dead-letter-exchange")) {
                // At-least-once dead-lettering keeps a message in the source queue until the
                // target confirmed it; RabbitMQ only allows it with reject-publish overflow.
                all.put("x-dead-letter-strategy", "at-least-once");
                all.put("x-overflow", "reject-publish");
            }
        }
        return all;
    }

    private static Binding bind(Queue queue, FanoutExchange exchange) {
        return BindingBuilder.bind(queue).to(exchange);
    }

    private static Map<String, Object> ttlThenDeadLetterTo(Duration ttl, String exchange, String routingKey) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("x-message-ttl", (int) ttl.toMillis());
        arguments.putAll(deadLetterTo(exchange, routingKey));
        return arguments;
    }

    private static Map<String, Object> deadLetterTo(String exchange, String routingKey) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("x-dead-letter-exchange", exchange);
        if (routingKey != null) {
            arguments.put("x-dead-letter-routing-key", routingKey);
        }
        return arguments;
    }

    private static void requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the " + what + " name must not be blank");
        }
        if (name.startsWith("amq.")) {
            throw new IllegalArgumentException("the " + what + " name '" + name + "' starts with 'amq.', which RabbitMQ reserves");
        }
    }

    private static void requireTtl(Duration ttl, String what) {
        Objects.requireNonNull(ttl, what);
        if (ttl.toMillis() < 1 || ttl.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the " + what + " must be between 1ms and " + Duration.ofMillis(Integer.MAX_VALUE)
                    + " (RabbitMQ's largest message TTL), but was " + ttl);
        }
    }
}
