package io.github.delayclose.core.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.delayclose.core.message.OrderIdCodec;
import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.publish.Outgoing;
import io.github.delayclose.core.topology.DelayRoutes.Route;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.topology.DelayRoutes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts (and moves) the payment window of an order: call {@link #schedule} where the order is
 * created, and {@link #reschedule} where its deadline changes.
 *
 * <p>Inside a transaction, the delay message is published only after the transaction commits, so
 * the listener never looks for an order that is not there yet, and a rolled-back transaction
 * schedules nothing. (Only the outermost commit counts: a rolled-back savepoint or an inner
 * {@code REQUIRES_NEW} transaction whose outer one rolls back still publish; the listener then finds
 * no order and parks the message as {@code ORDER_NOT_FOUND}.) Publishing happens in the background,
 * with publisher confirms, and a message the broker refuses is tried again for the publish budget,
 * which covers a failover; the caller never waits for the broker. If it still fails, or too many
 * messages wait for the broker already, the failure is logged once, counted
 * ({@code delay.close.schedule.failures}) and raised as a {@link TimeoutScheduleFailedEvent}, and the
 * safety-net sweep closes the order once it is overdue.
 *
 * <p>An order id the payment provider would refuse fails here, at once, before the order's
 * transaction commits, rather than at the provider half an hour later.
 */
public final class OrderTimeoutScheduler {

    private static final Log log = LogFactory.getLog(OrderTimeoutScheduler.class);

    private final BudgetedPublisher publisher;
    private final DelayRoutes routes;
    private final Duration defaultWindow;
    private final OrderIdRules providerIds;
    private final OrderRepository orders;
    private final ApplicationEventPublisher events;
    private final DelayCloseMetrics metrics;
    private final Clock clock;

    /**
     * @param defaultWindow the payment window of {@link #schedule(String)}
     * @param providerIds the order ids the payment provider accepts
     * @param orders where per-order deadlines are stored and moved
     */
    public OrderTimeoutScheduler(BudgetedPublisher publisher, DelayRoutes routes, Duration defaultWindow,
            OrderIdRules providerIds, OrderRepository orders, ApplicationEventPublisher events, DelayCloseMetrics metrics,
            Clock clock) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.defaultWindow = Objects.requireNonNull(defaultWindow, "defaultWindow");
        this.providerIds = Objects.requireNonNull(providerIds, "providerIds");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Schedules the close of an order when the default payment window ({@code delay-close.timeout})
     * ends.
     *
     * @throws IllegalArgumentException when the order id cannot be carried in a message, or the
     *     payment provider would refuse it
     */
    public void schedule(String orderId) {
        check(orderId);
        Instant deadline = clock.instant().plus(defaultWindow);
        if (orders.storesDeadlines()) {
            // An order that is not (yet) unpaid here still gets its message: the listener then finds it
            // final and changes nothing, or keeps looking for it and parks it where someone sees it.
            orders.recordDeadline(orderId, deadline);
        }
        TimeoutMessage message = TimeoutMessage.scheduled(orderId, deadline);
        afterCommit(orderId, () -> outgoing(routes.forDefaultWindow(deadline), message));
    }

    /**
     * Schedules the close of an order when its own payment window ends. A window other than the
     * default needs a repository that stores deadlines ({@link OrderRepository#storesDeadlines()}):
     * the safety-net sweep must know the real deadline of an order whose message is lost.
     *
     * @throws IllegalArgumentException for a bad order id or a window that is not positive
     * @throws IllegalStateException when the repository does not store deadlines
     */
    public void schedule(String orderId, Duration paymentWindow) {
        Objects.requireNonNull(paymentWindow, "paymentWindow");
        if (paymentWindow.isNegative() || paymentWindow.isZero()) {
            throw new IllegalArgumentException("the payment window must be positive, but was " + paymentWindow);
        }
        if (paymentWindow.equals(defaultWindow)) {
            schedule(orderId);
            return;
        }
        schedule(orderId, clock.instant().plus(paymentWindow));
    }

    /**
     * Schedules the close of an order at its deadline, which is stored in the caller's transaction
     * ({@link OrderRepository#recordDeadline}). Needs a repository that stores deadlines.
     *
     * @throws IllegalArgumentException for a bad order id
     * @throws IllegalStateException when the repository does not store deadlines
     */
    public void schedule(String orderId, Instant deadline) {
        Objects.requireNonNull(deadline, "deadline");
        check(orderId);
        requireStoredDeadlines("schedule an order with a deadline of its own");
        orders.recordDeadline(orderId, deadline);
        scheduleAt(orderId, deadline);
    }

    /**
     * Moves an unpaid order's deadline, later (an extension) or earlier, in the caller's transaction
     * ({@link OrderRepository#recordDeadline}), and after the commit sends a timeout message for the new
     * deadline. A message for the old deadline that arrives first is sent on for the time left; one
     * that arrives after the order was closed changes nothing.
     *
     * @return whether the order was unpaid and its deadline moved
     * @throws IllegalStateException when the repository does not store deadlines
     */
    public boolean reschedule(String orderId, Instant newDeadline) {
        Objects.requireNonNull(newDeadline, "newDeadline");
        check(orderId);
        requireStoredDeadlines("move an order's deadline");
        if (!orders.recordDeadline(orderId, newDeadline)) {
            return false;
        }
        scheduleAt(orderId, newDeadline);
        return true;
    }

    private void scheduleAt(String orderId, Instant deadline) {
        TimeoutMessage message = TimeoutMessage.scheduled(orderId, deadline);
        afterCommit(orderId, () -> outgoing(routes.until(deadline), message));
    }

    private static Outgoing outgoing(Route route, TimeoutMessage message) {
        return new Outgoing(route.exchange(), route.routingKey(), message.toMessage());
    }

    private void check(String orderId) {
        OrderIdCodec.requireValid(orderId);
        providerIds.requireAccepted(orderId);
    }

    private void requireStoredDeadlines(String action) {
        if (!orders.storesDeadlines()) {
            throw new IllegalStateException("To " + action + ", the OrderRepository must store deadlines ("
                    + orders.getClass().getName() + " does not): the safety-net sweep must know the real deadline "
                    + "of an order whose message is lost. With the JDBC repository, set "
                    + "delay-close.jdbc.order-table.deadline-column.");
        }
    }

    /**
     * @param outgoing works out the message's route; called for every attempt, because after a failover
     *     the time left is shorter
     */
    private void afterCommit(String orderId, Supplier<Outgoing> outgoing) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                // afterCompletion rather than afterCommit: it also runs when schedule() is called
                // from another synchronization's afterCommit (a @TransactionalEventListener),
                // where a newly registered afterCommit would silently never run.
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_COMMITTED) {
                        publish(orderId, outgoing);
                    }
                }
            });
        }
        else {
            publish(orderId, outgoing);
        }
    }

    private void publish(String orderId, Supplier<Outgoing> outgoing) {
        publisher.submit(outgoing)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        report(orderId, failure);
                    }
                });
    }

    private void report(String orderId, Throwable cause) {
        log.error("Could not schedule the timeout of order " + orderId + "; the safety-net sweep will close it when "
                + "overdue: " + cause.getMessage());
        metrics.scheduleFailed();
        events.publishEvent(new TimeoutScheduleFailedEvent(orderId, cause));
    }
}
