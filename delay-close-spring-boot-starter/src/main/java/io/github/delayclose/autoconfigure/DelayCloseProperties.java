package io.github.delayclose.autoconfigure;

import java.time.Duration;

import io.github.delayclose.core.gateway.ProviderLimits;
import io.github.delayclose.core.publish.PublishBudget;
import io.github.delayclose.core.topology.DelayLayout;
import io.github.delayclose.core.topology.QueueType;
import io.github.delayclose.core.topology.RetryBackoff;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of delay-close, under {@code delay-close.*}. Every default is stated once, here,
 * and every rule is a constraint, so a bad value fails start-up naming the property and the rule.
 *
 * @param enabled whether delay-close is on; when off, no queue is declared and nothing listens
 * @param timeout the payment window: how long after an order is scheduled it is closed if still
 *     unpaid; becomes the delay queue's x-message-ttl (see the README before changing it on a
 *     running system)
 * @param transactionManager bean name of the transaction manager for the close transaction (local
 *     close, order log, stock restore); needed only when the application has several and none is
 *     primary
 * @param queues names and type of the queues and exchange
 * @param listener the timeout queue's consumers and the closes they run at once
 * @param provider ceilings on calls to the payment provider
 * @param retry retries of a timeout that failed
 * @param recheck re-checks while the payer is still paying
 * @param publish publishing of delay, retry and parking messages
 * @param sweep the safety net for orders whose delay message was lost
 * @param health what the health indicator and the metrics read, and when it says ATTENTION
 */
@ConfigurationProperties("delay-close")
@Validated
public record DelayCloseProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("30m") @DurationMin(millis = 1) Duration timeout,
        @Nullable String transactionManager, @DefaultValue @Valid Queues queues, @DefaultValue @Valid Listener listener,
        @DefaultValue @Valid Provider provider, @DefaultValue @Valid Retry retry, @DefaultValue @Valid Recheck recheck, @DefaultValue @Valid Publish publish,
        @DefaultValue @Valid Sweep sweep, @DefaultValue @Valid Health health) {

    /** RabbitMQ refuses a queue TTL above this; the fixed layout's delay queue has the timeout as its TTL. */
    @AssertTrue(message = "must be at most 24 days (RabbitMQ's largest queue TTL) with delay-close.queues.layout=fixed; "
            + "the levels layout takes any timeout")
    public boolean isTimeoutATtlWithTheFixedLayout() {
        return queues.layout() != DelayLayout.FIXED || timeout.toMillis() <= Integer.MAX_VALUE;
    }

    /** RabbitMQ reserves names starting with {@code amq.}. */
    private static final String QUEUE_NAME = "^(?!amq\\.).+";

    private static final String QUEUE_NAME_RULE = "must not be blank or start with 'amq.' (reserved by RabbitMQ)";

    /**
     * Names and type of the queues and exchange; the defaults are the tutorial's names.
     *
     * @param type queue type of every queue: quorum (replicated, at-least-once dead-lettering; RabbitMQ
     *     3.10+) or classic (one node, the tutorial's)
     * @param layout how orders wait for their deadline: levels (binary delay levels, any deadline per
     *     order, no broker change when the timeout changes) or fixed (the tutorial's one delay queue
     *     whose TTL is the timeout)
     * @param deliveryLimit quorum queues: deliveries of a message before the broker dead-letters it (the
     *     timeout queue to parking); stated because RabbitMQ 4 otherwise applies 20
     * @param delay the tutorial's delay queue (fixed layout), and the prefix of the delay levels' queues
     * @param deadLetterExchange fanout exchange expired messages go to, and the prefix of the delay
     *     levels' exchanges
     * @param timeout queue the listener consumes: orders whose payment window ended
     * @param parking queue for messages that could not be handled, with the reason in their headers
     */
    public record Queues(@DefaultValue("quorum") QueueType type, @DefaultValue("levels") DelayLayout layout,
            @DefaultValue("100") @Min(1) int deliveryLimit,
            @DefaultValue("queue.ordercreate") @NotBlank @Pattern(regexp = QUEUE_NAME, message = QUEUE_NAME_RULE) String delay,
            @DefaultValue("exchange.ordertimeout") @NotBlank @Pattern(regexp = QUEUE_NAME, message = QUEUE_NAME_RULE) String deadLetterExchange,
            @DefaultValue("queue.ordertimeout") @NotBlank @Pattern(regexp = QUEUE_NAME, message = QUEUE_NAME_RULE) String timeout,
            @DefaultValue("queue.ordertimeout.parking") @NotBlank @Pattern(regexp = QUEUE_NAME, message = QUEUE_NAME_RULE) String parking) {

        /** The delay, timeout and parking queues need three different names. */
        @AssertTrue(message = "the delay, timeout and parking queues need three different names")
        public boolean isEveryQueueNamedApart() {
            return !delay.equals(timeout) && !delay.equals(parking) && !timeout.equals(parking);
        }
    }

    /**
     * The timeout queue's consumers, and the closes they keep in flight. A close mostly waits (for the
     * provider, twice, and for a short transaction), so closes are not tied to consumer threads: the
     * consumers hand messages to a window of closes that run at once, and the broker delivers no more
     * unacknowledged messages than the window holds. delay-close's listener container is its own:
     * the application's {@code spring.rabbitmq.listener.simple.*} settings tune the application's
     * listeners, not this one, so that tuning them never changes how many orders close at once.
     *
     * @param autoStartup whether the listener starts with the application
     * @param consumers consumers taking messages off the timeout queue
     * @param window closes in flight at once, over all consumers; each consumer's prefetch is its share
     * @param databaseConcurrency closes using the database at once; 0 sizes it to the connection pool
     *     (HikariCP), or leaves it unbounded when the pool's size cannot be read
     * @param shutdownGrace how long a shutdown waits for the closes in flight; a close still running
     *     after it is not acked, so the broker delivers its message again
     */
    public record Listener(@DefaultValue("true") boolean autoStartup, @DefaultValue("2") @Min(1) int consumers,
            @DefaultValue("200") @Min(1) int window, @DefaultValue("0") @Min(0) int databaseConcurrency,
            @DefaultValue("30s") @DurationMin(millis = 0) Duration shutdownGrace) {

        /** The window must leave every consumer a prefetch of at least one message. */
        @AssertTrue(message = "must be at least delay-close.listener.consumers")
        public boolean isWindowAtLeastConsumers() {
            return window >= consumers;
        }

        /** Each consumer's share of the window, as its prefetch. */
        int prefetchPerConsumer() {
            return Math.max(1, window / consumers);
        }
    }

    /**
     * Ceilings on calls to the payment provider, applied to each gateway on its own, so that a burst of
     * expiring orders queues in delay-close instead of tripping the provider's rate limits. A call over
     * a ceiling waits; it never fails or parks because of it.
     *
     * @param maxCallsPerSecond the most calls started in any second; 0 for no ceiling
     * @param maxConcurrentCalls the most calls under way at once; 0 for no ceiling
     */
    public record Provider(@DefaultValue("0") @Min(0) int maxCallsPerSecond,
            @DefaultValue("0") @Min(0) int maxConcurrentCalls) {

        ProviderLimits toLimits() {
            return new ProviderLimits(maxCallsPerSecond, maxConcurrentCalls);
        }
    }

    /**
     * Retries of a timeout that failed (provider error, order not found, database down). The wait
     * happens in broker-side TTL queues, never in a consumer thread.
     *
     * @param maxAttempts attempts in all, including the first; the message is parked after the last
     * @param initialInterval wait before the second attempt
     * @param multiplier factor by which each wait grows; at least 1.0
     * @param maxInterval longest wait between attempts
     */
    public record Retry(@DefaultValue("6") @Min(1) int maxAttempts,
            @DefaultValue("5s") @DurationMin(millis = 1) Duration initialInterval,
            @DefaultValue("3.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("10m") @DurationMax(millis = Integer.MAX_VALUE) Duration maxInterval) {

        /** max-interval must not be shorter than initial-interval. */
        @AssertTrue(message = "must not be shorter than delay-close.retry.initial-interval")
        public boolean isMaxIntervalAtLeastInitialInterval() {
            return maxInterval.compareTo(initialInterval) >= 0;
        }

        RetryBackoff toBackoff() {
            return new RetryBackoff(maxAttempts, initialInterval, multiplier, maxInterval);
        }
    }

    /**
     * Re-checks while the provider says the payer is still paying (USERPAYING, ACCEPT).
     *
     * @param interval wait before asking the provider again
     * @param maxRechecks re-checks before the message is parked as STILL_PAYING
     */
    public record Recheck(
            @DefaultValue("30s") @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE) Duration interval,
            @DefaultValue("10") @Min(0) int maxRechecks) {
    }

    /**
     * Publishing of delay, retry, re-check, re-drive and parking messages, always with publisher
     * confirms. A message the broker refuses or returns is tried again for the budget, which covers a
     * quorum leader election and a node restart; delay messages are published off the caller's thread.
     *
     * @param confirmTimeout how long to wait for the broker's confirm of one message
     * @param budget how long a refused message is tried again before it is given up (a delay message
     *     then falls to the sweep, with one log line and the {@code delay.close.schedule.failures} metric)
     * @param firstBackoff wait after the first refused attempt; doubles after each
     * @param maxBackoff longest wait between attempts
     * @param threads threads that send delay messages, off the committing thread
     * @param queueCapacity delay messages that may wait for the broker at once; beyond it, they are
     *     left to the sweep at once
     */
    public record Publish(@DefaultValue("5s") @DurationMin(millis = 1) Duration confirmTimeout,
            @DefaultValue("60s") @DurationMin(millis = 0) Duration budget,
            @DefaultValue("200ms") @DurationMin(millis = 0) Duration firstBackoff,
            @DefaultValue("5s") @DurationMin(millis = 0) Duration maxBackoff,
            @DefaultValue("2") @Min(1) int threads, @DefaultValue("10000") @Min(1) int queueCapacity) {

        /** max-backoff must not be shorter than first-backoff. */
        @AssertTrue(message = "must not be shorter than delay-close.publish.first-backoff")
        public boolean isMaxBackoffAtLeastFirstBackoff() {
            return maxBackoff.compareTo(firstBackoff) >= 0;
        }

        PublishBudget toBudget() {
            return new PublishBudget(budget, firstBackoff, maxBackoff);
        }
    }

    /**
     * The safety net, which also watches for stuck dead-lettering. Every {@code interval} it sends
     * again, straight to the timeout queue, the unpaid orders whose deadline passed more than
     * {@code grace} ago without a message (lost, or never published) and, with a close-attempt store,
     * the orders whose retry or re-check copy is more than {@code grace} overdue.
     *
     * @param enabled whether the sweep runs; it needs OrderRepository.findOverdueUnpaid
     * @param interval time between two rounds
     * @param grace how late an order must be before the sweep sends it again; longer than a close takes
     * @param lookback how much further back the first round after start-up looks, to cover downtime
     * @param batchSize most orders read and sent in one transaction
     */
    public record Sweep(@DefaultValue("true") boolean enabled,
            @DefaultValue("10s") @DurationMin(millis = 1) Duration interval,
            @DefaultValue("30s") @DurationMin(millis = 0) Duration grace,
            @DefaultValue("1h") @DurationMin(millis = 0) Duration lookback, @DefaultValue("100") @Min(1) int batchSize) {
    }

    /**
     * The health indicator and the queue-depth gauges, which read a snapshot taken every
     * {@code refresh-interval} rather than asking the broker on every check or scrape.
     *
     * @param refreshInterval how often queue depths and the parked orders' summary are read
     * @param parkedThreshold parked orders above which health reports ATTENTION; 0 never does
     */
    public record Health(@DefaultValue("15s") @DurationMin(millis = 100) Duration refreshInterval,
            @DefaultValue("0") @Min(0) long parkedThreshold) {
    }
}
