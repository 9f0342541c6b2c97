package io.github.delayclose.core.listen;

import java.util.Objects;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.message.DelayCloseHeaders;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.topology.DelayTopology;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;

/**
 * Sends a timeout message back for a later attempt, or parks it when it has had enough.
 *
 * <p>The wait happens in the broker (a TTL queue that dead-letters back to the timeout queue), not
 * in the consumer thread: a provider outage slows nothing else down. Each copy is confirmed by the
 * broker before the original is acknowledged, so a crash in between duplicates a message (harmless,
 * closing is idempotent) but never loses one.
 */
public final class Redelivery {

    private static final Log log = LogFactory.getLog(Redelivery.class);

    private final DelayTopology topology;
    private final int maxRechecks;
    private final ConfirmedPublisher publisher;
    private final ParkingRecoverer parking;
    private final DelayCloseMetrics metrics;
    private final Runnable redeclareTopology;

    /**
     * @param redeclareTopology declares the topology again; called once when a copy cannot be
     *     published (typically a queue deleted by hand), before trying again
     */
    public Redelivery(DelayTopology topology, int maxRechecks, ConfirmedPublisher publisher, ParkingRecoverer parking,
            DelayCloseMetrics metrics, Runnable redeclareTopology) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.maxRechecks = maxRechecks;
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.parking = Objects.requireNonNull(parking, "parking");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.redeclareTopology = Objects.requireNonNull(redeclareTopology, "redeclareTopology");
    }

    /** After a failed attempt: retry after the backoff, or park when attempts are used up or retrying cannot help. */
    public void retryOrPark(Message message, FailureReason reason, Throwable cause) {
        int failedAttempts = DelayCloseHeaders.counter(message, DelayCloseHeaders.FAILED_ATTEMPTS) + 1;
        if (!reason.isRetryable() || failedAttempts >= topology.retryBackoff().maxAttempts()) {
            park(message, reason, failedAttempts, cause);
            return;
        }
        String retryQueue = topology.retryQueue(failedAttempts);
        Message copy = copyWith(message, DelayCloseHeaders.FAILED_ATTEMPTS, failedAttempts);
        withTopologyRepair(() -> publisher.publish("", retryQueue, copy));
        metrics.retried(reason);
        log.warn("Attempt " + failedAttempts + " for " + describe(message) + " failed (" + reason + "), retrying in "
                + topology.retryBackoff().delayAfter(failedAttempts) + ": " + cause.getMessage());
    }

    /** The payer is still paying: ask again after the re-check interval, or park when re-checks are used up. */
    public void recheckOrPark(Message message) {
        int rechecks = DelayCloseHeaders.counter(message, DelayCloseHeaders.RECHECKS) + 1;
        if (rechecks > maxRechecks) {
            park(message, FailureReason.STILL_PAYING, rechecks, null);
            return;
        }
        Message copy = copyWith(message, DelayCloseHeaders.RECHECKS, rechecks);
        withTopologyRepair(() -> publisher.publish("", topology.recheckQueue(), copy));
        metrics.retried(FailureReason.STILL_PAYING);
    }

    /** Parks the message at once. */
    public void park(Message message, FailureReason reason, int attempts, Throwable cause) {
        withTopologyRepair(() -> parking.park(message, reason, attempts, cause));
        metrics.parked(reason);
        log.error("Parked " + describe(message) + " on '" + topology.parkingQueue() + "' (" + reason + " after "
                + attempts + " attempt(s))" + (cause == null ? "" : ": " + cause.getMessage()));
    }

    /**
     * Runs a publish; if it fails, declares the topology and tries once more. If that fails too the
     * exception propagates: the container rejects the delivery and the timeout queue dead-letters it
     * to the (now declared again) parking queue.
     */
    private void withTopologyRepair(Runnable publish) {
        try {
            publish.run();
        }
        catch (RuntimeException first) {
            log.warn("Publishing failed (" + first.getMessage() + "); declaring the topology again and retrying once");
            redeclareTopology.run();
            publish.run();
        }
    }

    private static Message copyWith(Message message, String header, int value) {
        // Received messages carry no delivery mode; without PERSISTENT a classic queue would lose
        // the copy on a broker restart although the broker confirmed it.
        return MessageBuilder.fromClonedMessage(message).setHeader(header, value)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT).build();
    }

    private static String describe(Message message) {
        String id = message.getMessageProperties().getMessageId();
        return id == null ? "a timeout message" : "the timeout of order " + id;
    }
}
