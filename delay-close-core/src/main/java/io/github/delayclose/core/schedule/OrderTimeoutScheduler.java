package io.github.delayclose.core.schedule;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.github.delayclose.core.message.OrderIdCodec;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.publish.PublishFailedException;
import io.github.delayclose.core.topology.DelayTopology;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts the payment window of an order: call {@link #schedule} where the order is created.
 *
 * <p>Inside a transaction, the delay message is published only after the transaction commits,
 * so the listener never looks for an order that is not there yet, and a rolled-back transaction
 * schedules nothing. (Only the outermost commit counts: a rolled-back savepoint or an inner
 * {@code REQUIRES_NEW} transaction whose outer one rolls back still publish; the listener then finds
 * no order and parks the message as {@code ORDER_NOT_FOUND}.) The publish after a commit runs on
 * the given executor, so the committing thread hands its database connection back at once instead
 * of holding it while the broker confirms. Outside a transaction the message is published at once,
 * on the caller's thread. Publishing waits for the
 * broker's confirm and is retried; if it still fails, the failure is logged, counted
 * ({@code delay.close.schedule.failures}) and raised as a {@link TimeoutScheduleFailedEvent},
 * and the safety-net sweep closes the order later.
 */
public final class OrderTimeoutScheduler {

    private static final Log log = LogFactory.getLog(OrderTimeoutScheduler.class);

    private final ConfirmedPublisher publisher;
    private final DelayTopology topology;
    private final RetryTemplate retry;
    private final ApplicationEventPublisher events;
    private final DelayCloseMetrics metrics;
    private final Executor afterCommitPublisher;

    /**
     * @param afterCommitPublisher runs the publishes that follow a commit; when it refuses one, the
     *     failure is reported like a failed publish and the sweep closes the order later
     */
    public OrderTimeoutScheduler(ConfirmedPublisher publisher, DelayTopology topology, RetryPolicy publishRetry,
            ApplicationEventPublisher events, DelayCloseMetrics metrics, Executor afterCommitPublisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.retry = new RetryTemplate(Objects.requireNonNull(publishRetry, "publishRetry"));
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.afterCommitPublisher = Objects.requireNonNull(afterCommitPublisher, "afterCommitPublisher");
    }

    /**
     * Schedules the close of an order when its payment window ends.
     *
     * @param orderId the order; 1 to 64 letters, digits or {@code _-|*@.:}
     * @throws IllegalArgumentException when the order id cannot be carried in a message
     * @throws TimeoutScheduleException outside a transaction, when publishing failed after retries
     *     (inside one, the failure is reported through the event and metric instead, because the
     *     order is already committed)
     */
    public void schedule(String orderId) {
        OrderIdCodec.requireValid(orderId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                // afterCompletion rather than afterCommit: it also runs when schedule() is called
                // from another synchronization's afterCommit (a @TransactionalEventListener),
                // where a newly registered afterCommit would silently never run.
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        return;
                    }
                    try {
                        afterCommitPublisher.execute(() -> publishReported(orderId));
                    }
                    catch (RejectedExecutionException ex) {
                        report(orderId, ex);
                    }
                }
            });
        }
        else {
            publish(orderId);
        }
    }

    private void publishReported(String orderId) {
        try {
            publish(orderId);
        }
        catch (TimeoutScheduleException ex) {
            // Already reported; the order is committed, so there is no caller left to fail. The
            // sweep picks it up.
        }
    }

    private void publish(String orderId) {
        try {
            retry.execute(() -> {
                publisher.publish("", topology.delayQueue(), OrderIdCodec.toMessage(orderId));
                return null;
            });
        }
        catch (RetryException ex) {
            Throwable cause = ex.getLastException() != null ? ex.getLastException() : ex;
            report(orderId, cause);
            throw new TimeoutScheduleException("could not schedule the timeout of order " + orderId, cause);
        }
    }

    private void report(String orderId, Throwable cause) {
        log.error("Could not schedule the timeout of order " + orderId + " on '" + topology.delayQueue()
                + "'; the safety-net sweep will close it when overdue: " + cause.getMessage());
        metrics.scheduleFailed();
        events.publishEvent(new TimeoutScheduleFailedEvent(orderId, cause));
    }

    /** A retry policy for publishing: a few quick attempts, since the caller is waiting. */
    public static RetryPolicy publishRetryPolicy(int maxAttempts, java.time.Duration delay) {
        return RetryPolicy.builder()
                .maxRetries(Math.max(0, maxAttempts - 1))
                .delay(delay)
                .multiplier(2.0)
                .includes(PublishFailedException.class, org.springframework.amqp.AmqpException.class)
                .build();
    }
}
