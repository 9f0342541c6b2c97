package io.github.delayclose.core.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.monitor.DelayCloseMonitor;
import io.github.delayclose.core.topology.DelayTopology;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * Gauges of where orders are: the depth of every queue delay-close declares, the closes in flight and
 * the parked orders by reason. Queue depths and parked orders come from the {@link DelayCloseMonitor}'s
 * snapshot, refreshed on its own interval: a scrape never calls the broker or the database.
 */
public final class DelayCloseGauges {

    private DelayCloseGauges() {
    }

    /**
     * Registers the gauges.
     *
     * @param inFlight the closes running now
     */
    public static void register(MeterRegistry registry, DelayCloseMonitor monitor, DelayTopology topology,
            IntSupplier inFlight, Clock clock) {
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(inFlight, "inFlight");
        Objects.requireNonNull(clock, "clock");
        queueKinds(topology).forEach((queue, kind) -> Gauge.builder("delay.close.queue.messages", monitor,
                        watched -> depth(watched, queue))
                .description("Messages ready in a queue of delay-close's, as last read (NaN until read, or when missing)")
                .tag("queue", queue).tag("kind", kind).strongReference(true).register(registry));
        Gauge.builder("delay.close.in.flight", inFlight, IntSupplier::getAsInt)
                .description("Closes running now").strongReference(true).register(registry);
        for (FailureReason reason : FailureReason.values()) {
            Gauge.builder("delay.close.parked.orders", monitor,
                            watched -> watched.snapshot().parked().byReason().getOrDefault(reason.name(), 0L))
                    .description("Orders parked now, by reason, as last read from the close-attempt state")
                    .tag("reason", reason.name()).strongReference(true).register(registry);
        }
        TimeGauge.builder("delay.close.parked.oldest", monitor, TimeUnit.SECONDS,
                        watched -> oldestParkedSeconds(watched, clock))
                .description("How long the longest-parked order has been parked; 0 when none is")
                .strongReference(true).register(registry);
    }

    /** Every queue delay-close declares, with its kind: delay, retry, recheck, timeout or parking. */
    static Map<String, String> queueKinds(DelayTopology topology) {
        Map<String, String> kinds = new LinkedHashMap<>();
        String retryPrefix = topology.timeoutQueue() + ".retry.";
        for (String queue : topology.waitingQueues()) {
            if (queue.equals(topology.recheckQueue())) {
                kinds.put(queue, "recheck");
            }
            else {
                kinds.put(queue, queue.startsWith(retryPrefix) ? "retry" : "delay");
            }
        }
        kinds.put(topology.timeoutQueue(), "timeout");
        kinds.put(topology.parkingQueue(), "parking");
        return kinds;
    }

    private static double depth(DelayCloseMonitor monitor, String queue) {
        Long depth = monitor.snapshot().depth(queue);
        return depth == null ? Double.NaN : depth;
    }

    private static double oldestParkedSeconds(DelayCloseMonitor monitor, Clock clock) {
        Instant oldest = monitor.snapshot().parked().oldestParkedAt();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }
}
