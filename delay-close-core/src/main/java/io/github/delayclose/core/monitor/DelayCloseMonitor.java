package io.github.delayclose.core.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.ParkedSummary;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Reads, every {@code interval}, the depth of every queue delay-close declares and the parked orders'
 * summary, so that health checks and metric scrapes read a snapshot instead of asking the broker and
 * the database each time (with the delay levels, that would be dozens of calls per scrape).
 */
public final class DelayCloseMonitor implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(DelayCloseMonitor.class);

    private final RabbitAdmin admin;
    private final List<String> queues;
    private final @Nullable CloseAttemptStore store;
    private final Duration interval;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private @Nullable ScheduledExecutorService scheduler;

    /**
     * What was read last.
     *
     * @param depths ready messages per queue; a missing queue is absent
     * @param parked the parked orders, from the close-attempt store ({@link ParkedSummary#NONE} without one)
     * @param readAt when it was read
     * @param brokerFailure why the broker could not be read, or {@code null} when it could
     * @param read false until the first read: until then a queue absent from {@code depths} says nothing
     */
    public record Snapshot(Map<String, Long> depths, ParkedSummary parked, Instant readAt, @Nullable String brokerFailure,
            boolean read) {

        /** The depth of one queue, or {@code null} when it was not found or not read. */
        public @Nullable Long depth(String queue) {
            return depths.get(queue);
        }
    }

    /**
     * @param queues the queues to watch
     * @param store the close-attempt store, or {@code null}
     */
    public DelayCloseMonitor(RabbitAdmin admin, List<String> queues, @Nullable CloseAttemptStore store,
            Duration interval, Clock clock) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.queues = List.copyOf(queues);
        this.store = store;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        // Nothing read yet: no depths, and no reason to call the broker unreachable either.
        this.snapshot = new Snapshot(Map.of(), ParkedSummary.NONE, clock.instant(), null, false);
    }

    /** The last snapshot. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** Reads everything now. */
    public Snapshot refresh() {
        Map<String, Long> depths = new LinkedHashMap<>();
        String brokerFailure = null;
        try {
            for (String queue : queues) {
                QueueInformation info = admin.getQueueInfo(queue);
                if (info != null) {
                    depths.put(queue, (long) info.getMessageCount());
                }
            }
        }
        catch (RuntimeException ex) {
            brokerFailure = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        }
        ParkedSummary parked = snapshot.parked();
        if (store != null) {
            try {
                parked = store.summarizeParked();
            }
            catch (RuntimeException ex) {
                log.debug("Could not read the parked orders' summary; keeping the last one", ex);
            }
        }
        Snapshot read = new Snapshot(Map.copyOf(depths), parked, clock.instant(), brokerFailure, true);
        snapshot = read;
        return read;
    }

    @Override
    public synchronized void start() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("delay-close-monitor-");
        threads.setDaemon(true);
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(threads);
        started.scheduleWithFixedDelay(this::refreshQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = started;
    }

    private void refreshQuietly() {
        try {
            refresh();
        }
        catch (RuntimeException ex) {
            log.debug("Monitoring round failed", ex);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
