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
     * Reads what delay-close needs to know about an order when its payment window ends, in one read.
     * Override it when the repository stores deadlines, payment channels or amounts; by default it is
     * {@link #findStatus} alone.
     *
     * @return the order, or empty when no such order exists (yet)
     */
    default Optional<OrderSnapshot> findOrder(String orderId) {
        return findStatus(orderId).map(OrderSnapshot::of);
    }

    /**
     * Whether {@link #findOrder} reports each order's payment channel ({@link OrderSnapshot#channel()}).
     * With several payment gateways, it lets delay-close check an order only on the channel it was
     * paid through; without it, every order is checked on every gateway, which costs a call to each.
     */
    default boolean storesChannels() {
        return false;
    }

    /**
     * Whether {@link #findOverdueUnpaid} is implemented. The safety-net sweep needs it: without it, an
     * order whose delay message was lost (the broker was down when it was created) stays unpaid for
     * ever, so delay-close warns at start-up, and refuses to start if the sweep was enabled explicitly.
     */
    default boolean searchesOverdueOrders() {
        return false;
    }

    /**
     * Finds unpaid orders whose payment deadline has passed, for the safety-net sweep, which catches
     * orders whose delay message was never published or was lost. The sweep reads them in pages:
     * return the unpaid orders whose deadline is strictly before {@code deadlineBefore} and that come
     * after {@code after} in {@code (deadline, orderId)} order, in that order, at most {@code limit}
     * of them. A repository that stores no deadline uses the creation time plus the payment window.
     *
     * <p>The sweep calls this outside any transaction; a plain read that locks nothing is right, so
     * that the search neither waits for nor holds up a close or a payment. Several instances may get
     * the same orders: that is harmless, because every re-send is a compare-and-set on the order's
     * close-attempt state.
     *
     * @param after where the scan stands; {@link OverduePosition#startOf(Instant)} for a new span
     * @param deadlineBefore only orders whose deadline is strictly before this instant
     * @param limit the most orders to return, at least 1
     * @throws UnsupportedOperationException unless {@link #searchesOverdueOrders()} says otherwise
     */
    default List<OverdueOrder> findOverdueUnpaid(OverduePosition after, Instant deadlineBefore, int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not search for overdue orders");
    }

    /**
     * Whether the repository stores each order's payment deadline ({@link OrderSnapshot#deadline()},
     * written by {@link #recordDeadline}). Per-order deadlines need it: without a stored deadline, the
     * sweep could only guess one from the creation time and might close an order whose window is
     * longer than the default.
     */
    default boolean storesDeadlines() {
        return false;
    }

    /**
     * Stores an unpaid order's payment deadline, or moves it (later, an extension, or earlier), inside
     * the caller's transaction: delay-close calls it when an order is scheduled and rescheduled, and
     * then sends a timeout message for the deadline after the commit. A message for an old deadline
     * that arrives before the new one is sent on for the time left.
     *
     * @return {@code true} if the order was unpaid and its deadline stored; {@code false} otherwise
     * @throws UnsupportedOperationException unless {@link #storesDeadlines()} says otherwise
     */
    default boolean recordDeadline(String orderId, Instant deadline) {
        throw new UnsupportedOperationException(getClass().getName() + " does not store payment deadlines");
    }
}
