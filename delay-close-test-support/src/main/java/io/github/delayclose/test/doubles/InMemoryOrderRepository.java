package io.github.delayclose.test.doubles;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.Payment;

/** An order store with the compare-and-set semantics the SPI requires. */
public final class InMemoryOrderRepository implements OrderRepository {

    private final Map<String, OrderStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final Map<String, Instant> createdAt = new ConcurrentHashMap<>();

    public void create(String orderId) {
        create(orderId, Instant.now());
    }

    public void create(String orderId, Instant created) {
        statuses.put(orderId, OrderStatus.UNPAID);
        createdAt.put(orderId, created);
    }

    public OrderStatus status(String orderId) {
        return statuses.get(orderId);
    }

    public Optional<Payment> payment(String orderId) {
        return Optional.ofNullable(payments.get(orderId));
    }

    @Override
    public Optional<OrderStatus> findStatus(String orderId) {
        return Optional.ofNullable(statuses.get(orderId));
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
    public List<OverdueOrder> findOverdueUnpaid(OverdueOrder after, Instant createdBefore, int limit) {
        Comparator<OverdueOrder> scanOrder = Comparator.comparing(OverdueOrder::createdAt).thenComparing(OverdueOrder::orderId);
        return statuses.entrySet().stream()
                .filter(entry -> entry.getValue() == OrderStatus.UNPAID)
                .map(entry -> new OverdueOrder(entry.getKey(), createdAt.get(entry.getKey())))
                .filter(order -> order.createdAt().isBefore(createdBefore))
                .filter(order -> scanOrder.compare(order, after) > 0)
                .sorted(scanOrder)
                .limit(limit)
                .toList();
    }
}
