package io.github.delayclose.core.listen;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.publish.Outgoing;
import io.github.delayclose.core.topology.DelayRoutes;
import io.github.delayclose.core.topology.DelayTopology;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;

/**
 * Sends a timeout message on for a later attempt, back to wait for a deadline that moved, or to the
 * parking queue when it has had enough.
 *
 * <p>The wait happens in the broker (a TTL queue that dead-letters back to the timeout queue), not
 * in a thread: a provider outage slows nothing else down. Each copy is confirmed by the broker before
 * the original is acknowledged, so a crash in between duplicates a message (harmless: the duplicate
 * is recognised as stale, or closes an order that is closed already) but never loses one. With a
 * {@link AttemptLedger ledger} of close-attempt state, every step is first recorded there as a
 * compare-and-set: a copy that loses it has been superseded by a newer one and is dropped instead.
 */
public final class Redelivery {

    private static final Log log = LogFactory.getLog(Redelivery.class);

    private final DelayTopology topology;
    private final DelayRoutes routes;
    private final int maxRechecks;
    private final BudgetedPublisher publisher;
    private final ParkingRecoverer parking;
    private final AttemptLedger attempts;
    private final DelayCloseMetrics metrics;
    private final Runnable redeclareTopology;
    private final Clock clock;

    /**
     * @param redeclareTopology declares the topology again; called once when a copy cannot be
     *     published (typically a queue deleted by hand), before trying again
     */
    public Redelivery(DelayTopology topology, DelayRoutes routes, int maxRechecks, BudgetedPublisher publisher,
            ParkingRecoverer parking, AttemptLedger attempts, DelayCloseMetrics metrics, Runnable redeclareTopology,
            Clock clock) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.maxRechecks = maxRechecks;
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.parking = Objects.requireNonNull(parking, "parking");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.redeclareTopology = Objects.requireNonNull(redeclareTopology, "redeclareTopology");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * After a failed attempt: retry after the backoff, or park when attempts are used up or retrying cannot help.
     *
     * @return {@link FollowUp#RETRY}, {@link FollowUp#PARK}, or {@link FollowUp#DROP} when a newer copy owns the close
     */
    public FollowUp retryOrPark(Message received, TimeoutMessage message, FailureReason reason, Throwable cause) {
        int failedAttempts = message.failedAttempts() + 1;
        if (!reason.isRetryable() || failedAttempts >= topology.retryBackoff().maxAttempts()) {
            return park(received, message, reason, failedAttempts, cause);
        }
        Instant due = clock.instant().plus(topology.retryBackoff().delayAfter(failedAttempts));
        if (!attempts.retrying(message, failedAttempts, reason, cause.getMessage(), due)) {
            return superseded(message);
        }
        TimeoutMessage next = message.resent(message.epoch(), failedAttempts, message.rechecks());
        send(new Outgoing("", topology.retryQueue(failedAttempts), next.toMessage()));
        metrics.retried(reason);
        log.warn("Attempt " + failedAttempts + " for the timeout of order " + message.orderId() + " failed (" + reason
                + "), retrying in " + topology.retryBackoff().delayAfter(failedAttempts) + ": " + cause.getMessage());
        return FollowUp.RETRY;
    }

    /**
     * The payer is still paying: ask again after the re-check interval, or park when re-checks are used up.
     *
     * @return {@link FollowUp#RECHECK}, {@link FollowUp#PARK}, or {@link FollowUp#DROP} when a newer copy owns the close
     */
    public FollowUp recheckOrPark(Message received, TimeoutMessage message) {
        int rechecks = message.rechecks() + 1;
        if (rechecks > maxRechecks) {
            return park(received, message, FailureReason.STILL_PAYING, rechecks, null);
        }
        if (!attempts.rechecking(message, rechecks, clock.instant().plus(topology.recheckInterval()))) {
            return superseded(message);
        }
        TimeoutMessage next = message.resent(message.epoch(), message.failedAttempts(), rechecks);
        send(new Outgoing("", topology.recheckQueue(), next.toMessage()));
        // Counted here only: a re-check is neither a retry nor a failure.
        metrics.rechecked();
        return FollowUp.RECHECK;
    }

    /** The order's deadline was moved later: the message waits again for the time left. */
    public void waitUntil(TimeoutMessage message, Instant deadline) {
        DelayRoutes.Route route = routes.until(deadline);
        send(new Outgoing(route.exchange(), route.routingKey(),
                new TimeoutMessage(message.orderId(), message.epoch(), message.failedAttempts(), message.rechecks(),
                        deadline).toMessage()));
    }

    /** Parks a message whose body is not an order id; no state can be kept for it. */
    public void parkMalformed(Message received, Throwable cause) {
        parking.park(received, FailureReason.MALFORMED_MESSAGE, 1, cause);
        metrics.parked(FailureReason.MALFORMED_MESSAGE);
        log.error("Parked a timeout message on '" + topology.parkingQueue() + "' (" + FailureReason.MALFORMED_MESSAGE
                + "): " + cause.getMessage());
    }

    private FollowUp park(Message received, TimeoutMessage message, FailureReason reason, int count,
            @Nullable Throwable cause) {
        if (!attempts.parking(message, count, reason, cause == null ? null : cause.getMessage())) {
            return superseded(message);
        }
        parking.park(received, reason, count, cause);
        metrics.parked(reason);
        log.error("Parked the timeout of order " + message.orderId() + " on '" + topology.parkingQueue() + "' ("
                + reason + " after " + count + " attempt(s))" + (cause == null ? "" : ": " + cause.getMessage()));
        return FollowUp.PARK;
    }

    /** The caller counts the dropped copy as {@code STALE_COPY}, once, with the rest of its handling. */
    private FollowUp superseded(TimeoutMessage message) {
        log.info("Dropped a stale copy of the timeout of order " + message.orderId() + " (epoch " + message.epoch()
                + "): a newer copy owns its close");
        return FollowUp.DROP;
    }

    private void send(Outgoing outgoing) {
        publisher.publish(outgoing, this::redeclare);
    }

    private void redeclare() {
        try {
            redeclareTopology.run();
        }
        catch (RuntimeException ex) {
            log.debug("Declaring the topology again failed; trying the publish anyway", ex);
        }
    }
}
