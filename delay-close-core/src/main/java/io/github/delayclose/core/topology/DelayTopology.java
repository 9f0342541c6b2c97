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
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * The queues and exchanges that carry an order from "scheduled" to "window ended", and their names.
 *
 * <pre>
 * delay levels (or the tutorial's delay queue) ──TTL──▶ dead-letter exchange (fanout) ──▶ timeout queue ──▶ listener
 *                                                                                ▲      │ rejected
 *   retry queues (one per backoff step) ──TTL────────────────────────────────────┘      ▼
 *   re-check queue (payer still paying) ──TTL────────────────────────────────────┘   parking queue
 * </pre>
 *
 * <p>Retry and re-check queues dead-letter through the default exchange straight to the timeout
 * queue, so other queues bound to the dead-letter exchange see each timeout once. Their names
 * carry their TTL ({@code queue.ordertimeout.retry.4000ms}), so changing the backoff declares new
 * queues instead of clashing with existing ones; the delay levels are named by their TTL too. The
 * timeout queue dead-letters to the parking queue: a message the listener rejects is parked by the
 * broker itself, never requeued forever.
 *
 * <p>With {@link QueueType#QUORUM} every queue is replicated, dead-letters at least once (a message
 * stays in its queue until the target confirmed it, which RabbitMQ allows only with
 * {@code reject-publish} overflow) and has an explicit delivery limit.
 *
 * @param delayQueue the tutorial's delay queue ({@link DelayLayout#FIXED}); also the prefix of the
 *     delay levels' queues
 * @param deadLetterExchange the fanout exchange expired messages go to; also the prefix of the
 *     delay levels' exchanges
 * @param timeoutQueue the queue the listener consumes
 * @param parkingQueue where messages go that could not be handled
 * @param queueType classic or quorum, for every queue
 * @param layout how orders wait for their deadline
 * @param timeout the default payment window; for {@link DelayLayout#FIXED} the delay queue's TTL
 * @param retryBackoff the waits between failed attempts
 * @param recheckInterval the wait before asking the provider again while the payer is paying
 * @param deliveryLimit for quorum queues, how often a message may be delivered and handed back before
 *     the broker dead-letters it (the timeout queue to parking); stated because RabbitMQ 4 otherwise
 *     applies its own default of 20
 */
public record DelayTopology(String delayQueue, String deadLetterExchange, String timeoutQueue, String parkingQueue,
        QueueType queueType, DelayLayout layout, Duration timeout, RetryBackoff retryBackoff, Duration recheckInterval,
        int deliveryLimit) {

    private static final String DEFAULT_EXCHANGE = "";

    /** The delivery limit delay-close states on quorum queues unless told otherwise. */
    public static final int DEFAULT_DELIVERY_LIMIT = 100;

    public DelayTopology {
        requireName(delayQueue, "delay queue");
        requireName(deadLetterExchange, "dead-letter exchange");
        requireName(timeoutQueue, "timeout queue");
        requireName(parkingQueue, "parking queue");
        Objects.requireNonNull(queueType, "queueType");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(timeout, "timeout");
        if (layout == DelayLayout.FIXED) {
            requireTtl(timeout, "timeout");
        }
        else if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, but was " + timeout);
        }
        requireTtl(recheckInterval, "recheck interval");
        if (deliveryLimit < 1) {
            throw new IllegalArgumentException("the delivery limit must be at least 1, but was " + deliveryLimit);
        }
        if (List.of(delayQueue, timeoutQueue, parkingQueue).stream().distinct().count() < 3) {
            throw new IllegalArgumentException("the delay, timeout and parking queues need three different names, but were '"
                    + delayQueue + "', '" + timeoutQueue + "' and '" + parkingQueue + "'");
        }
    }

    /** The tutorial's layout on classic queues: one delay queue with the payment window as its TTL. */
    public DelayTopology(String delayQueue, String deadLetterExchange, String timeoutQueue, String parkingQueue,
            QueueType queueType, Duration timeout, RetryBackoff retryBackoff, Duration recheckInterval) {
        this(delayQueue, deadLetterExchange, timeoutQueue, parkingQueue, queueType, DelayLayout.FIXED, timeout,
                retryBackoff, recheckInterval, DEFAULT_DELIVERY_LIMIT);
    }

    /** The delay levels' names. */
    public DelayLevels levels() {
        return new DelayLevels(delayQueue, deadLetterExchange);
    }

    /** The retry queue for the wait after the given number of failed attempts. */
    public String retryQueue(int failedAttempts) {
        return timeoutQueue + ".retry." + retryBackoff.delayAfter(failedAttempts).toMillis() + "ms";
    }

    /** The queue where messages wait before the provider is asked again. */
    public String recheckQueue() {
        return timeoutQueue + ".recheck." + recheckInterval.toMillis() + "ms";
    }

    /** Every queue a message can wait in before it reaches the timeout queue. */
    public List<String> waitingQueues() {
        List<String> queues = new ArrayList<>();
        if (layout == DelayLayout.FIXED) {
            queues.add(delayQueue);
        }
        for (int level = 0; level < DelayLevels.COUNT; level++) {
            queues.add(levels().queue(level));
        }
        retryBackoff.distinctDelays().forEach(delay -> queues.add(timeoutQueue + ".retry." + delay.toMillis() + "ms"));
        queues.add(recheckQueue());
        return queues;
    }

    /** Every exchange, queue and binding, for a {@code RabbitAdmin} to declare. */
    public Declarables declarables() {
        List<Declarable> declarables = new ArrayList<>();
        FanoutExchange exchange = new FanoutExchange(deadLetterExchange, true, false);
        Queue timeout = queue(timeoutQueue, deadLetterTo(DEFAULT_EXCHANGE, parkingQueue));
        declarables.add(exchange);
        declarables.add(timeout);
        declarables.add(bind(timeout, exchange));
        declarables.add(queue(parkingQueue, Map.of()));
        if (layout == DelayLayout.FIXED) {
            declarables.add(queue(delayQueue, ttlThenDeadLetterTo(timeout(), deadLetterExchange, null)));
        }
        // The levels exist in both layouts: they carry per-order deadlines, moved deadlines and the
        // rest of a deadline a message arrived early for.
        addLevels(declarables, exchange);
        for (Duration delay : retryBackoff.distinctDelays()) {
            declarables.add(queue(timeoutQueue + ".retry." + delay.toMillis() + "ms",
                    ttlThenDeadLetterTo(delay, DEFAULT_EXCHANGE, timeoutQueue)));
        }
        declarables.add(queue(recheckQueue(), ttlThenDeadLetterTo(recheckInterval, DEFAULT_EXCHANGE, timeoutQueue)));
        return new Declarables(declarables);
    }

    private void addLevels(List<Declarable> declarables, FanoutExchange deadLetters) {
        DelayLevels levels = levels();
        List<TopicExchange> exchanges = new ArrayList<>();
        for (int level = 0; level < DelayLevels.COUNT; level++) {
            exchanges.add(new TopicExchange(levels.exchange(level), true, false));
        }
        for (int level = 0; level < DelayLevels.COUNT; level++) {
            // When a level's wait is over, the message goes on to the next lower level's exchange (the
            // lowest's goes to the dead-letter exchange); its routing key, kept, picks where it waits next.
            Exchange lower = level == 0 ? deadLetters : exchanges.get(level - 1);
            Queue queue = queue(levels.queue(level),
                    ttlThenDeadLetterTo(DelayLevels.ttl(level), lower.getName(), null));
            TopicExchange own = exchanges.get(level);
            declarables.add(own);
            declarables.add(queue);
            declarables.add(BindingBuilder.bind(queue).to(own).with(DelayLevels.pattern(level, '1')));
            declarables.add(new Binding(lower.getName(), Binding.DestinationType.EXCHANGE, own.getName(),
                    DelayLevels.pattern(level, '0'), null));
        }
    }

    /** The arguments the tutorial's delay queue is declared with. */
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
            all.put("x-delivery-limit", deliveryLimit);
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
