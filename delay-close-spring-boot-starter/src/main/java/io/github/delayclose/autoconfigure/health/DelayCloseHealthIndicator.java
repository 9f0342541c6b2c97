package io.github.delayclose.autoconfigure.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.monitor.DelayCloseMonitor;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.sweep.SweepRound;
import io.github.delayclose.core.topology.DelayTopology;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code /actuator/health/delayClose}, from the monitor's latest snapshot (never a broker or database
 * call per check):
 * <ul>
 *   <li><b>DOWN</b> when the broker cannot be reached, or the timeout listener should run but has no
 *       consumer on the timeout queue, or the timeout queue is missing or unavailable (its node is
 *       down, with classic queues) while the listener keeps trying: orders would stay open past
 *       their window;</li>
 *   <li><b>LAGGING</b> while the last sweep found orders overdue by more than its grace (stuck
 *       dead-lettering, lost messages) or the timeout queue is behind;</li>
 *   <li><b>ATTENTION</b> when more orders are parked than {@code delay-close.health.parked-threshold};</li>
 *   <li>UP otherwise; UNKNOWN on instances configured not to listen.</li>
 * </ul>
 * Details: the listener, closes in flight, the depth of every queue an order can wait in, parked
 * orders by reason and the oldest one's age, and the last sweep round.
 */
public class DelayCloseHealthIndicator extends AbstractHealthIndicator {

    /** Orders close late: messages are stuck or lost, or the closes are behind. */
    public static final Status LAGGING = new Status("LAGGING", "orders are closing late");

    /** More orders are parked than the configured threshold. */
    public static final Status ATTENTION = new Status("ATTENTION", "parked orders need a look");

    private final AbstractMessageListenerContainer container;
    private final TimeoutListener listener;
    private final DelayCloseMonitor monitor;
    private final DelayTopology topology;
    private final @Nullable OverdueOrderSweeper sweeper;
    private final long parkedThreshold;
    private final Clock clock;

    /**
     * @param sweeper the sweep, or {@code null} when it is off
     * @param parkedThreshold parked orders above which the state is {@link #ATTENTION}; 0 for never
     */
    public DelayCloseHealthIndicator(AbstractMessageListenerContainer container, TimeoutListener listener,
            DelayCloseMonitor monitor, DelayTopology topology, @Nullable OverdueOrderSweeper sweeper,
            long parkedThreshold, Clock clock) {
        super("delay-close health check failed");
        this.container = Objects.requireNonNull(container, "container");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.sweeper = sweeper;
        this.parkedThreshold = parkedThreshold;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DelayCloseMonitor.Snapshot snapshot = monitor.snapshot();
        SweepRound round = sweeper == null ? null : sweeper.lastRound();
        builder.status(status(snapshot, round));
        builder.withDetail("listener", listenerState(snapshot));
        builder.withDetail("closesInFlight", listener.inFlight());
        if (snapshot.brokerFailure() != null) {
            builder.withDetail("broker", "unreachable: " + snapshot.brokerFailure());
        }
        builder.withDetail("delayQueueMessages", waitingMessages(snapshot));
        builder.withDetail("timeoutQueueMessages", depthOrMissing(snapshot, topology.timeoutQueue()));
        builder.withDetail("parkedMessages", depthOrMissing(snapshot, topology.parkingQueue()));
        builder.withDetail("waitingQueues", waitingQueues(snapshot));
        builder.withDetail("parkedOrders", snapshot.parked().byReason());
        if (snapshot.parked().oldestParkedAt() != null) {
            builder.withDetail("oldestParkedAge", Duration.between(snapshot.parked().oldestParkedAt(), clock.instant()).toString());
        }
        if (round != null) {
            builder.withDetail("lastSweep", Map.of("at", round.at().toString(), "lostSentAgain", round.lost(),
                    "stalledSentAgain", round.stalled(), "timeoutQueueBehind", round.behind()));
        }
        builder.withDetail("readAt", snapshot.readAt().toString());
    }

    private Status status(DelayCloseMonitor.Snapshot snapshot, @Nullable SweepRound round) {
        if (snapshot.brokerFailure() != null) {
            return Status.DOWN;
        }
        if (!container.isAutoStartup() && !container.isRunning()) {
            return Status.UNKNOWN;
        }
        if (!container.isRunning() || !consuming(snapshot)) {
            return Status.DOWN;
        }
        if (round != null && round.lagging()) {
            return LAGGING;
        }
        if (parkedThreshold > 0 && snapshot.parked().total() > parkedThreshold) {
            return ATTENTION;
        }
        return Status.UP;
    }

    private String listenerState(DelayCloseMonitor.Snapshot snapshot) {
        if (!container.isRunning()) {
            return container.isAutoStartup() ? "stopped"
                    : "not started here (delay-close.listener.auto-startup=false)";
        }
        return consuming(snapshot) ? "running (" + activeConsumers() + " consumers)"
                : "no consumer on the timeout queue (queue or broker unavailable); retrying";
    }

    /**
     * Whether the listener can take messages: it has consumers and the monitor found its queue. A
     * consumer whose queue is missing or on a node that is down keeps trying to start, and the
     * container counts it as active all the while.
     */
    private boolean consuming(DelayCloseMonitor.Snapshot snapshot) {
        boolean queueMissing = snapshot.read() && snapshot.depth(topology.timeoutQueue()) == null;
        return activeConsumers() > 0 && !queueMissing;
    }

    private int activeConsumers() {
        return container instanceof SimpleMessageListenerContainer simple ? simple.getActiveConsumerCount() : 1;
    }

    private long waitingMessages(DelayCloseMonitor.Snapshot snapshot) {
        return topology.waitingQueues().stream().map(snapshot::depth).filter(Objects::nonNull).mapToLong(Long::longValue).sum();
    }

    private Map<String, Long> waitingQueues(DelayCloseMonitor.Snapshot snapshot) {
        Map<String, Long> depths = new LinkedHashMap<>();
        topology.waitingQueues().forEach(queue -> {
            Long depth = snapshot.depth(queue);
            if (depth != null && depth > 0) {
                depths.put(queue, depth);
            }
        });
        return depths;
    }

    private static Object depthOrMissing(DelayCloseMonitor.Snapshot snapshot, String queue) {
        Long depth = snapshot.depth(queue);
        return depth == null ? "missing" : depth;
    }

    /** For tests: the instant of the latest snapshot. */
    Instant readAt() {
        return monitor.snapshot().readAt();
    }
}
