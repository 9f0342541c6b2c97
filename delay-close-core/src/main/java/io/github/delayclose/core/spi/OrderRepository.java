package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The shop's orders, as far as closing unpaid ones is concerned.
 *
 * <p><b>Concurrency contract.</b> Several threads and several application instances call this
 * repository for the same order at the same time: a redelivered timeout message, the safety-net
 * sweep, and the provider's payment notification can all race. The two transitions are therefore
 * <em>conditional</em> (compare-and-set): each changes the order only while it is still
 * {@link OrderStatus#UNPAID} and reports whether this call made the change. A typical SQL
 * implementation is {@code UPDATE … SET status = ? WHERE id = ? AND status = 'UNPAID'} and returns
 * whether one row was updated. A close therefore never overwrites a payment, and a payment never
 * silently revives a closed order.
 *
 * <p>When the application has a transaction manager, {@link #markClosed} is called inside the same
 * transaction as {@link StockRestorer#restore}, so an implementation that uses the transaction's
 * connection gets "closed and stock restored" atomically.
 */
public interface OrderRepository {

    /**
     * Returns the order's current status.
     *
     * @param orderId the shop's order id, never {@code null}
     * @return the status, or empty when no such order exists (yet): the caller treats that as
     *     transient, because the order's transaction may not be visible to this reader yet
     */
    Optional<OrderStatus> findStatus(String orderId);

    /**
     * Moves an order from {@link OrderStatus#UNPAID} to {@link OrderStatus#CLOSED} and records the
     * transition in the shop's order log, if and only if it is still unpaid.
     *
     * @param orderId the order to close
     * @param closedAt when the close happened
     * @return {@code true} if this call closed the order; {@code false} if it was no longer unpaid
     *     (someone else closed or paid it first), in which case nothing was changed
     */
    boolean markClosed(String orderId, Instant closedAt);

    /**
     * Moves an order from {@link OrderStatus#UNPAID} to {@link OrderStatus#PAID}, recording the
     * provider's transaction id, if and only if it is still unpaid.
     *
     * @param orderId the order that was paid
     * @param payment what the provider reported about the payment
     * @return {@code true} if this call recorded the payment; {@code false} if the order was no
     *     longer unpaid, in which case nothing was changed
     */
    boolean markPaid(String orderId, Payment payment);

    /**
     * Finds unpaid orders for the safety-net sweep, which catches orders whose delay message was
     * never published or was lost. The sweep scans each span of creation times once, in pages:
     * return the unpaid orders created strictly before {@code createdBefore} that come after
     * {@code after} in {@code (createdAt, orderId)} order, that order, at most {@code limit} of them.
     * In SQL: {@code WHERE status = 'UNPAID' AND create_time < :before AND (create_time > :after
     * OR (create_time = :after AND id > :afterId)) ORDER BY create_time, id LIMIT :limit}.
     *
     * <p>The sweep calls this in a transaction that also publishes the orders it returns.
     * Implementations that run on several instances may lock the rows they return and skip rows
     * others have locked ({@code FOR UPDATE SKIP LOCKED}); returning an order twice is harmless but
     * wasteful, because closing is idempotent.
     *
     * @param after where the scan stands; {@link OverdueOrder#startOf(Instant)} for a new span
     * @param createdBefore only orders created strictly before this instant
     * @param limit the most orders to return, at least 1
     * @return the orders, in {@code (createdAt, orderId)} order; empty by default, which turns the
     *     sweep off for repositories that do not support it
     */
    default List<OverdueOrder> findOverdueUnpaid(OverdueOrder after, Instant createdBefore, int limit) {
        return List.of();
    }
}
