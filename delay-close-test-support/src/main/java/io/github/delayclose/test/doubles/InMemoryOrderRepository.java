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
import io.github.delayclose.core.spi.OrderSnapshot;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.OverduePosition;
import io.github.delayclose.core.spi.Payment;
import org.jspecify.annotations.Nullable;

/**
 * An {@link OrderRepository} in memory, for unit tests without a database. It passes
 * {@link io.github.delayclose.test.contract.OrderRepositoryContract}.
 *
 * <p>It stores deadlines ({@link #storesDeadlines()}): an order gets one when it is scheduled, or
 * from {@link #createDueAt}; an order that never got one is never overdue.
 *
 * <p>Safe for any number of threads: each order is one immutable entry, and both transitions
 * replace it only while it is still {@link OrderStatus#UNPAID}, so of several racing payments and
 * closes exactly one wins. Inside a Spring-managed transaction a won transition is undone if the
 * transaction rolls back, as it would be in a database.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();

    private final Map<String, String> channels = new ConcurrentHashMap<>();

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
        store(orderId, new StoredOrder(OrderStatus.UNPAID, Objects.requireNonNull(createdAt, "createdAt"), null, null,
                null, null));
    }

    /**
     * Stores a new unpaid order that was scheduled with {@code deadline}, as if its message had been
     * sent (or lost).
     *
     * @throws IllegalStateException if an order with this id exists
     */
    public void createDueAt(String orderId, Instant deadline) {
        store(orderId, new StoredOrder(OrderStatus.UNPAID, clock.instant(), null, null,
                Objects.requireNonNull(deadline, "deadline"), null));
    }

    /**
     * Stores a new unpaid order scheduled with {@code deadline} whose amount due is {@code amount}
     * (minor units), so that payments of another amount are refused.
     *
     * @throws IllegalStateException if an order with this id exists
     */
    public void createDueAt(String orderId, Instant deadline, long amount) {
        store(orderId, new StoredOrder(OrderStatus.UNPAID, clock.instant(), null, null,
                Objects.requireNonNull(deadline, "deadline"), amount));
    }

    private void store(String orderId, StoredOrder order) {
        if (orders.putIfAbsent(Objects.requireNonNull(orderId, "orderId"), order) != null) {
            throw new IllegalStateException("order " + orderId + " exists already");
        }
    }

    /**
     * The payer chose the order's payment channel (for example {@code alipay}), as a shop stores it
     * at checkout; {@link #findOrder} reports it from then on.
     */
    public void choseChannel(String orderId, String channel) {
        channels.put(Objects.requireNonNull(orderId, "orderId"), Objects.requireNonNull(channel, "channel"));
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
    public Optional<OrderSnapshot> findOrder(String orderId) {
        return stored(orderId).map(order -> new OrderSnapshot(order.status(), order.deadline(), channels.get(orderId),
                order.amount()));
    }

    @Override
    public boolean storesChannels() {
        return true;
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
    public boolean searchesOverdueOrders() {
        return true;
    }

    @Override
    public List<OverdueOrder> findOverdueUnpaid(OverduePosition after, Instant deadlineBefore, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        return orders.entrySet().stream()
                .filter(entry -> entry.getValue().status() == OrderStatus.UNPAID && entry.getValue().deadline() != null)
                .map(entry -> new OverdueOrder(entry.getKey(), Objects.requireNonNull(entry.getValue().deadline())))
                .filter(order -> order.deadline().isBefore(deadlineBefore) && after.isBefore(order.deadline(), order.orderId()))
                .sorted(Comparator.comparing(OverdueOrder::deadline).thenComparing(OverdueOrder::orderId))
                .limit(limit)
                .toList();
    }

    @Override
    public boolean storesDeadlines() {
        return true;
    }

    @Override
    public boolean recordDeadline(String orderId, Instant deadline) {
        Objects.requireNonNull(deadline, "deadline");
        return transition(orderId, order -> order.withDeadline(deadline));
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
            @Nullable Instant closedAt, @Nullable Instant deadline, @Nullable Long amount) {

        StoredOrder with(OrderStatus newStatus, @Nullable Payment newPayment, @Nullable Instant newClosedAt) {
            return new StoredOrder(newStatus, createdAt, newPayment, newClosedAt, deadline, amount);
        }

        StoredOrder withDeadline(Instant newDeadline) {
            return new StoredOrder(status, createdAt, payment, closedAt, newDeadline, amount);
        }
    }
}
