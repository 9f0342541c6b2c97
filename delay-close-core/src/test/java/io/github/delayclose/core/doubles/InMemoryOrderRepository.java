package io.github.delayclose.core.doubles;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderSnapshot;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.Payment;

/**
 * A map-backed {@link OrderRepository} whose transitions are real compare-and-set operations, as
 * the SPI contract demands. Hooks run just before a transition so a test can make another actor
 * win a race at exactly that point.
 */
public final class InMemoryOrderRepository implements OrderRepository {

    private final Map<String, OrderStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, Instant> closedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> amounts = new ConcurrentHashMap<>();
    private final CallLog log;
    private Consumer<String> beforeMarkClosed = id -> { };
    private Consumer<String> beforeMarkPaid = id -> { };

    public InMemoryOrderRepository(CallLog log) {
        this.log = log;
    }

    public InMemoryOrderRepository with(String orderId, OrderStatus status) {
        statuses.put(orderId, status);
        return this;
    }

    /** An order whose amount due is {@code amount} (minor units), so payments of another amount are refused. */
    public InMemoryOrderRepository with(String orderId, OrderStatus status, long amount) {
        amounts.put(orderId, amount);
        return with(orderId, status);
    }

    public void beforeMarkClosed(Consumer<String> hook) {
        this.beforeMarkClosed = hook;
    }

    public void beforeMarkPaid(Consumer<String> hook) {
        this.beforeMarkPaid = hook;
    }

    /** Changes the state behind the closer's back, as a concurrent actor would; not logged. */
    public void set(String orderId, OrderStatus status) {
        statuses.put(orderId, status);
    }

    public OrderStatus status(String orderId) {
        return statuses.get(orderId);
    }

    public Optional<Payment> payment(String orderId) {
        return Optional.ofNullable(payments.get(orderId));
    }

    public Optional<Instant> closedAt(String orderId) {
        return Optional.ofNullable(closedAt.get(orderId));
    }

    @Override
    public Optional<OrderStatus> findStatus(String orderId) {
        log.add("findStatus " + orderId);
        return Optional.ofNullable(statuses.get(orderId));
    }

    @Override
    public Optional<OrderSnapshot> findOrder(String orderId) {
        return findStatus(orderId).map(status -> new OrderSnapshot(status, null, null, amounts.get(orderId)));
    }

    @Override
    public boolean markClosed(String orderId, Instant at) {
        log.add("markClosed " + orderId);
        beforeMarkClosed.accept(orderId);
        boolean won = statuses.replace(orderId, OrderStatus.UNPAID, OrderStatus.CLOSED);
        if (won) {
            closedAt.put(orderId, at);
        }
        return won;
    }

    @Override
    public boolean markPaid(String orderId, Payment payment) {
        log.add("markPaid " + orderId);
        beforeMarkPaid.accept(orderId);
        boolean won = statuses.replace(orderId, OrderStatus.UNPAID, OrderStatus.PAID);
        if (won) {
            payments.put(orderId, payment);
        }
        return won;
    }
}
