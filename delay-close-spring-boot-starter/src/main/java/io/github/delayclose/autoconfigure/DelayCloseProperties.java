package io.github.delayclose.autoconfigure;

import java.time.Duration;

import io.github.delayclose.core.topology.QueueType;
import io.github.delayclose.core.topology.RetryBackoff;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of delay-close, under {@code delay-close.*}.
 */
@ConfigurationProperties("delay-close")
public class DelayCloseProperties {

    /** Whether delay-close is on. When off, no queue is declared and nothing listens. */
    private boolean enabled = true;

    /**
     * The payment window: how long after an order is scheduled it is closed if still unpaid.
     * Becomes the delay queue's x-message-ttl; see the README before changing it on a running
     * system.
     */
    private Duration timeout = Duration.ofMinutes(30);

    /**
     * Bean name of the transaction manager for the close transaction (local close, order log,
     * stock restore). Needed only when the application has several and none is primary.
     */
    private String transactionManager;

    private final Queues queues = new Queues();

    private final Listener listener = new Listener();

    private final Retry retry = new Retry();

    private final Recheck recheck = new Recheck();

    private final Publish publish = new Publish();

    private final Sweep sweep = new Sweep();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public String getTransactionManager() {
        return transactionManager;
    }

    public void setTransactionManager(String transactionManager) {
        this.transactionManager = transactionManager;
    }

    public Queues getQueues() {
        return queues;
    }

    public Listener getListener() {
        return listener;
    }

    public Retry getRetry() {
        return retry;
    }

    public Recheck getRecheck() {
        return recheck;
    }

    public Publish getPublish() {
        return publish;
    }

    public Sweep getSweep() {
        return sweep;
    }

    /** Names and type of the queues and exchange; the defaults are the tutorial's names. */
    public static class Queues {

        /** Queue type of every queue: classic, or quorum for clusters (RabbitMQ 3.10+). */
        private QueueType type = QueueType.CLASSIC;

        /** Queue where each new order's message waits for its timeout (x-message-ttl). */
        private String delay = "queue.ordercreate";

        /** Fanout exchange the delay queue dead-letters expired messages to. */
        private String deadLetterExchange = "exchange.ordertimeout";

        /** Queue the listener consumes: orders whose payment window ended. */
        private String timeout = "queue.ordertimeout";

        /** Queue for messages that could not be handled, with the reason in their headers. */
        private String parking = "queue.ordertimeout.parking";

        public QueueType getType() {
            return type;
        }

        public void setType(QueueType type) {
            this.type = type;
        }

        public String getDelay() {
            return delay;
        }

        public void setDelay(String delay) {
            this.delay = delay;
        }

        public String getDeadLetterExchange() {
            return deadLetterExchange;
        }

        public void setDeadLetterExchange(String deadLetterExchange) {
            this.deadLetterExchange = deadLetterExchange;
        }

        public String getTimeout() {
            return timeout;
        }

        public void setTimeout(String timeout) {
            this.timeout = timeout;
        }

        public String getParking() {
            return parking;
        }

        public void setParking(String parking) {
            this.parking = parking;
        }
    }

    /** The timeout queue's consumers. */
    public static class Listener {

        /** Whether the listener starts with the application. */
        private boolean autoStartup = true;

        /** Consumers started at once; each closes one order at a time. */
        private int concurrency = 8;

        /** Most consumers, added while messages keep arriving. */
        private int maxConcurrency = 32;

        /** Unacknowledged messages each consumer may hold. */
        private int prefetch = 5;

        public boolean isAutoStartup() {
            return autoStartup;
        }

        public void setAutoStartup(boolean autoStartup) {
            this.autoStartup = autoStartup;
        }

        public int getConcurrency() {
            return concurrency;
        }

        public void setConcurrency(int concurrency) {
            this.concurrency = concurrency;
        }

        public int getMaxConcurrency() {
            return maxConcurrency;
        }

        public void setMaxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
        }

        public int getPrefetch() {
            return prefetch;
        }

        public void setPrefetch(int prefetch) {
            this.prefetch = prefetch;
        }
    }

    /**
     * Retries of a timeout that failed (provider error, order not found, database down). The wait
     * happens in broker-side TTL queues, never in a consumer thread.
     */
    public static class Retry {

        /** Attempts in all, including the first; the message is parked after the last. */
        private int maxAttempts = 6;

        /** Wait before the second attempt. */
        private Duration initialInterval = Duration.ofSeconds(5);

        /** Factor by which each wait grows. */
        private double multiplier = 3.0;

        /** Longest wait between attempts. */
        private Duration maxInterval = Duration.ofMinutes(10);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialInterval() {
            return initialInterval;
        }

        public void setInitialInterval(Duration initialInterval) {
            this.initialInterval = initialInterval;
        }

        public double getMultiplier() {
            return multiplier;
        }

        public void setMultiplier(double multiplier) {
            this.multiplier = multiplier;
        }

        public Duration getMaxInterval() {
            return maxInterval;
        }

        public void setMaxInterval(Duration maxInterval) {
            this.maxInterval = maxInterval;
        }

        RetryBackoff toBackoff() {
            return new RetryBackoff(maxAttempts, initialInterval, multiplier, maxInterval);
        }
    }

    /** Re-checks while the provider says the payer is still paying (USERPAYING, ACCEPT). */
    public static class Recheck {

        /** Wait before asking the provider again. */
        private Duration interval = Duration.ofSeconds(30);

        /** Re-checks before the message is parked as STILL_PAYING. */
        private int maxRechecks = 10;

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getMaxRechecks() {
            return maxRechecks;
        }

        public void setMaxRechecks(int maxRechecks) {
            this.maxRechecks = maxRechecks;
        }
    }

    /** Publishing of delay, retry and parking messages, always with publisher confirms. */
    public static class Publish {

        /** How long to wait for the broker's confirm of one message. */
        private Duration confirmTimeout = Duration.ofSeconds(5);

        /** Attempts to publish an order's delay message before giving up and leaving it to the sweep. */
        private int maxAttempts = 3;

        /** Wait before the second publish attempt; doubles after each. */
        private Duration backoff = Duration.ofMillis(200);

        /** Threads that publish delay messages after commits, off the committing thread. */
        private int threads = 2;

        /** Delay messages that may wait for those threads; beyond it, they are left to the sweep. */
        private int queueCapacity = 10_000;

        public Duration getConfirmTimeout() {
            return confirmTimeout;
        }

        public void setConfirmTimeout(Duration confirmTimeout) {
            this.confirmTimeout = confirmTimeout;
        }

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBackoff() {
            return backoff;
        }

        public int getThreads() {
            return threads;
        }

        public void setThreads(int threads) {
            this.threads = threads;
        }

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public void setBackoff(Duration backoff) {
            this.backoff = backoff;
        }
    }

    /** The safety net for orders whose delay message was never published or was lost. */
    public static class Sweep {

        /** Whether the sweep runs. It needs OrderRepository.findOverdueUnpaid to be implemented. */
        private boolean enabled = true;

        /** Time between two sweeps. */
        private Duration interval = Duration.ofMinutes(1);

        /**
         * How long past its timeout an unpaid order must be before the sweep sends it; longer than
         * the usual delay between a TTL expiring and the listener closing the order.
         */
        private Duration grace = Duration.ofMinutes(5);

        /** How much further back than the grace the first sweep after start-up looks, to cover downtime. */
        private Duration lookback = Duration.ofHours(1);

        /** Most orders read and sent in one transaction. */
        private int batchSize = 100;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Duration getGrace() {
            return grace;
        }

        public void setGrace(Duration grace) {
            this.grace = grace;
        }

        public Duration getLookback() {
            return lookback;
        }

        public void setLookback(Duration lookback) {
            this.lookback = lookback;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }
    }
}
