package io.github.delayclose.test.doubles;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.delayclose.core.spi.StockRestorer;

/**
 * A {@link StockRestorer} over stock kept in memory, for unit tests without a database. It passes
 * {@link io.github.delayclose.test.contract.StockRestorerContract}.
 *
 * <p>{@link #reserve} takes an order's units from stock, as the shop does when the order is placed;
 * {@link #restore} gives them back once per order, however often and from however many threads it
 * is called. Inside a Spring-managed transaction a restore is undone if the transaction rolls back,
 * so that the next attempt restores again, as with a database. Stock is not checked: a SKU that was
 * never {@linkplain #setStock set} starts at zero, and reserving more than there is goes below zero.
 */
public final class InMemoryStockRestorer implements StockRestorer {

    private final Map<String, Map<String, Integer>> itemsByOrder = new ConcurrentHashMap<>();

    private final Map<String, Long> stockBySku = new ConcurrentHashMap<>();

    private final Set<String> restoredOrders = ConcurrentHashMap.newKeySet();

    private final List<String> restoreCalls = new CopyOnWriteArrayList<>();

    /** Sets the units of a SKU in stock. */
    public void setStock(String skuId, long units) {
        stockBySku.put(Objects.requireNonNull(skuId, "skuId"), units);
    }

    /**
     * Stores an order's items and takes their units from stock.
     *
     * @param quantityBySku units taken, by SKU id; each at least 1
     * @throws IllegalStateException if the order was reserved before
     */
    public void reserve(String orderId, Map<String, Integer> quantityBySku) {
        Map<String, Integer> items = Map.copyOf(quantityBySku);
        items.forEach((skuId, quantity) -> {
            if (quantity < 1) {
                throw new IllegalArgumentException("order " + orderId + " takes " + quantity + " of SKU " + skuId);
            }
        });
        if (itemsByOrder.putIfAbsent(Objects.requireNonNull(orderId, "orderId"), items) != null) {
            throw new IllegalStateException("order " + orderId + " was reserved before");
        }
        items.forEach((skuId, quantity) -> stockBySku.merge(skuId, (long) -quantity, Long::sum));
    }

    /** The units of the SKU in stock now. */
    public long stockOf(String skuId) {
        return stockBySku.getOrDefault(skuId, 0L);
    }

    /** Whether the order's stock was given back. */
    public boolean isRestored(String orderId) {
        return restoredOrders.contains(orderId);
    }

    /**
     * How often {@link #restore} was called for the order, repeats that moved nothing included: how
     * a test sees that delay-close restores once per close rather than relying on idempotency.
     */
    public long restoresOf(String orderId) {
        return restoreCalls.stream().filter(orderId::equals).count();
    }

    @Override
    public void restore(String orderId) {
        restoreCalls.add(Objects.requireNonNull(orderId, "orderId"));
        if (!restoredOrders.add(orderId)) {
            return;
        }
        Map<String, Integer> items = itemsByOrder.getOrDefault(orderId, Map.of());
        items.forEach((skuId, quantity) -> stockBySku.merge(skuId, (long) quantity, Long::sum));
        UndoOnRollback.register(() -> {
            items.forEach((skuId, quantity) -> stockBySku.merge(skuId, (long) -quantity, Long::sum));
            restoredOrders.remove(orderId);
        });
    }
}
