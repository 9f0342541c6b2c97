package io.github.delayclose.test.doubles;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.Payment;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OrderRepository} in memory, for unit tests without a database. It passes
 * {@link io.github.delayclose.test.contract.OrderRepositoryContract}.
 *
 * <p>Safe for any number of threads: each order is one immutable entry, and both transitions
 * replace it only while it is still {@link OrderStatus#UNPAID}, so of several racing payments and
 * closes exactly one wins. Inside a Spring-managed transaction a won transition is undone if the
 * transaction rolls back, as it would be in a database.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private static final Comparator<OverdueOrder> SCAN_ORDER = Comparator.comparing(OverdueOrder::createdAt)
            .thenComparing(OverdueOrder::orderId);

    private final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();

    private final Clock clock;

    /** A repository whose {@link #create(String)} stamps orders with the system clock. */
    public InMemoryOrderRepository() {
        this(Clock.systemUTC());
    }

    /** A repository whose {@link #create(String)} stamps orders with {@code clock}. */
    public InMemoryOrderRepository(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new unpaid order created now, as the shop does when a customer places one.
     *
     * @throws IllegalStateException if an order with this id exists: ids are unique, and a second
     *     create must not revive a closed or paid order
     */
    public void create(String orderId) {
        create(orderId, clock.instant());
    }

    /**
     * Stores a new unpaid order created at {@code createdAt}, for the sweep's overdue search.
     *
     * @throws IllegalStateException if an order with this id exists
     */
    public void create(String orderId, Instant createdAt) {
        StoredOrder order = new StoredOrder(OrderStatus.UNPAID, Objects.requireNonNull(createdAt, "createdAt"), null, null);
        if (orders.putIfAbsent(Objects.requireNonNull(orderId, "orderId"), order) != null) {
            throw new IllegalStateException("order " + orderId + " exists already");
        }
    }

    /** The order's status, or {@code null} when there is no such order. */
    public @Nullable OrderStatus status(String orderId) {
        return findStatus(orderId).orElse(null);
    }

    /** The payment recorded by the winning {@link #markPaid}, if any. */
    public Optional<Payment> payment(String orderId) {
        return stored(orderId).map(StoredOrder::payment);
    }

    /** When the winning {@link #markClosed} closed the order, if it did. */
    public Optional<Instant> closedAt(String orderId) {
        return stored(orderId).map(StoredOrder::closedAt);
    }

    @Override
    public Optional<OrderStatus> findStatus(String orderId) {
        return stored(orderId).map(StoredOrder::status);
    }

    @Override
    public boolean markClosed(String orderId, Instant closedAt) {
        Objects.requireNonNull(closedAt, "closedAt");
        return transition(orderId, order -> order.with(OrderStatus.CLOSED, null, closedAt));
    }

    @Override
    public boolean markPaid(String orderId, Payment payment) {
        Objects.requireNonNull(payment, "payment");
        return transition(orderId, order -> order.with(OrderStatus.PAID, payment, null));
    }

    @Override
    public List<OverdueOrder> findOverdueUnpaid(OverdueOrder after, Instant createdBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        return orders.entrySet().stream()
                .filter(entry -> entry.getValue().status() == OrderStatus.UNPAID)
                .map(entry -> new OverdueOrder(entry.getKey(), entry.getValue().createdAt()))
                .filter(order -> order.createdAt().isBefore(createdBefore) && SCAN_ORDER.compare(order, after) > 0)
                .sorted(SCAN_ORDER)
                .limit(limit)
                .toList();
    }

    private Optional<StoredOrder> stored(String orderId) {
        return Optional.ofNullable(orders.get(Objects.requireNonNull(orderId, "orderId")));
    }

    /** Replaces an unpaid order with {@code change} of it, if no other transition came first. */
    private boolean transition(String orderId, UnaryOperator<StoredOrder> change) {
        StoredOrder unpaid = stored(orderId).filter(order -> order.status() == OrderStatus.UNPAID).orElse(null);
        if (unpaid == null) {
            return false;
        }
        StoredOrder changed = change.apply(unpaid);
        if (!orders.replace(orderId, unpaid, changed)) {
            return false;
        }
        UndoOnRollback.register(() -> orders.replace(orderId, changed, unpaid));
        return true;
    }

    /** One order as stored; replaced whole on every change, never modified. */
    private record StoredOrder(OrderStatus status, Instant createdAt, @Nullable Payment payment,
            @Nullable Instant closedAt) {

        StoredOrder with(OrderStatus newStatus, @Nullable Payment newPayment, @Nullable Instant newClosedAt) {
            return new StoredOrder(newStatus, createdAt, newPayment, newClosedAt);
        }
    }
}
