package io.github.delayclose.test.doubles;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderSnapshot;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.OverduePosition;
import io.github.delayclose.core.spi.Payment;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OrderRepository} in memory, with the compare-and-set semantics the SPI requires and
 * stored deadlines, for unit tests without a database. Thread-safe.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private final Map<String, OrderStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, Instant> deadlines = new ConcurrentHashMap<>();
    private final Map<String, Long> amounts = new ConcurrentHashMap<>();

    /** Creates an unpaid order; its deadline is stored when it is scheduled. */
    public void create(String orderId) {
        statuses.put(orderId, OrderStatus.UNPAID);
    }

    /** Creates an unpaid order with a deadline, as if it had been scheduled. */
    public void create(String orderId, Instant deadline) {
        create(orderId);
        deadlines.put(orderId, deadline);
    }

    /** Creates an unpaid order with a deadline and an amount due, in minor units. */
    public void create(String orderId, Instant deadline, long amount) {
        create(orderId, deadline);
        amounts.put(orderId, amount);
    }

    /** The order's status, or {@code null} when there is no such order. */
    public @Nullable OrderStatus status(String orderId) {
        return statuses.get(orderId);
    }

    /** The payment recorded for the order, if any. */
    public Optional<Payment> payment(String orderId) {
        return Optional.ofNullable(payments.get(orderId));
    }

    @Override
    public Optional<OrderStatus> findStatus(String orderId) {
        return Optional.ofNullable(statuses.get(orderId));
    }

    @Override
    public Optional<OrderSnapshot> findOrder(String orderId) {
        return findStatus(orderId)
                .map(status -> new OrderSnapshot(status, deadlines.get(orderId), null, amounts.get(orderId)));
    }

    @Override
    public boolean markClosed(String orderId, Instant closedAt) {
        return statuses.replace(orderId, OrderStatus.UNPAID, OrderStatus.CLOSED);
    }

    @Override
    public boolean markPaid(String orderId, Payment payment) {
        boolean won = statuses.replace(orderId, OrderStatus.UNPAID, OrderStatus.PAID);
        if (won) {
            payments.put(orderId, payment);
        }
        return won;
    }

    @Override
    public boolean searchesOverdueOrders() {
        return true;
    }

    /** {@inheritDoc} Orders never scheduled have no deadline and are never overdue. */
    @Override
    public List<OverdueOrder> findOverdueUnpaid(OverduePosition after, Instant deadlineBefore, int limit) {
        return statuses.entrySet().stream()
                .filter(entry -> entry.getValue() == OrderStatus.UNPAID && deadlines.containsKey(entry.getKey()))
                .map(entry -> new OverdueOrder(entry.getKey(), deadlines.get(entry.getKey())))
                .filter(order -> order.deadline().isBefore(deadlineBefore))
                .filter(order -> after.isBefore(order.deadline(), order.orderId()))
                .sorted(Comparator.comparing(OverdueOrder::deadline).thenComparing(OverdueOrder::orderId))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean storesDeadlines() {
        return true;
    }

    @Override
    public synchronized boolean recordDeadline(String orderId, Instant deadline) {
        if (statuses.get(orderId) != OrderStatus.UNPAID) {
            return false;
        }
        deadlines.put(orderId, deadline);
        return true;
    }
}
