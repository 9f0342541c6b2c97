package io.github.delayclose.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.delayclose.core.spi.StockRestorer;
import org.junit.jupiter.api.Test;

/**
 * Tests that every {@link StockRestorer} must pass. Extend it in your test sources, implement the
 * hooks, and run it against the real store:
 *
 * <pre>{@code
 * class MyStockRestorerContractTest extends StockRestorerContract {
 *
 *     @Override
 *     protected StockRestorer restorer() {
 *         return myRestorer;
 *     }
 *
 *     @Override
 *     protected void givenOrderWithItems(String orderId, Map<String, Integer> quantityBySku) {
 *         // insert the order and its items; create missing SKUs with any stock
 *     }
 *
 *     @Override
 *     protected long stockOf(String skuId) {
 *         return jdbc.queryForObject("SELECT stock FROM my_sku WHERE id = ?", Long.class, skuId);
 *     }
 * }
 * }</pre>
 *
 * <p>The tests only compare stock before and after restoring, so the initial stock is yours to
 * choose. Every test uses fresh order and SKU ids from {@link #newId()}, so the store need not be
 * emptied between tests. The restorer is called outside any transaction here, as a host calling it
 * directly would; inside the close transaction it must behave the same.
 */
public abstract class StockRestorerContract {

    /** Seeded from the clock so that ids of two test runs against one store do not meet. */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    /** The restorer under test. */
    protected abstract StockRestorer restorer();

    /**
     * Stores an order, already closed or about to be, that took the given quantities of stock.
     * Creates SKUs that do not exist yet, with any stock.
     *
     * @param orderId a fresh id from {@link #newId()}
     * @param quantityBySku units taken, by SKU id (ids from {@link #newId()})
     */
    protected abstract void givenOrderWithItems(String orderId, Map<String, Integer> quantityBySku);

    /** The units of the SKU in stock now. */
    protected abstract long stockOf(String skuId);

    /**
     * A fresh order or SKU id: decimal digits, at most 19. Override when the store wants another shape.
     */
    protected String newId() {
        return Long.toString(IDS.incrementAndGet());
    }

    @Test
    void restoreGivesBackEachItemsQuantity() {
        String orderId = newId();
        String skuA = newId();
        String skuB = newId();
        givenOrderWithItems(orderId, Map.of(skuA, 2, skuB, 5));
        long stockA = stockOf(skuA);
        long stockB = stockOf(skuB);

        restorer().restore(orderId);

        assertThat(stockOf(skuA)).isEqualTo(stockA + 2);
        assertThat(stockOf(skuB)).isEqualTo(stockB + 5);
    }

    @Test
    void restoringTwiceMovesStockOnce() {
        String orderId = newId();
        String sku = newId();
        givenOrderWithItems(orderId, Map.of(sku, 3));
        long stock = stockOf(sku);

        restorer().restore(orderId);
        restorer().restore(orderId);

        assertThat(stockOf(sku)).isEqualTo(stock + 3);
    }

    @Test
    void restoreLeavesOtherOrdersStockAlone() {
        String orderId = newId();
        String otherOrderId = newId();
        String shared = newId();
        String otherOnly = newId();
        givenOrderWithItems(orderId, Map.of(shared, 2));
        givenOrderWithItems(otherOrderId, Map.of(shared, 7, otherOnly, 1));
        long sharedStock = stockOf(shared);
        long otherOnlyStock = stockOf(otherOnly);

        restorer().restore(orderId);

        assertThat(stockOf(shared)).as("SKU in both orders").isEqualTo(sharedStock + 2);
        assertThat(stockOf(otherOnly)).as("SKU of the other order only").isEqualTo(otherOnlyStock);

        restorer().restore(otherOrderId);

        assertThat(stockOf(shared)).as("after restoring the other order too").isEqualTo(sharedStock + 9);
        assertThat(stockOf(otherOnly)).isEqualTo(otherOnlyStock + 1);
    }

    @Test
    void restoringOrderWithoutItemsSucceeds() {
        String orderId = newId();
        givenOrderWithItems(orderId, Map.of());

        restorer().restore(orderId);
    }

    /** A redelivered timeout message and a second instance may restore the same order at once. */
    @Test
    void concurrentRestoresOfOneOrderMoveStockOnce() throws Exception {
        int threads = 4;
        String orderId = newId();
        String sku = newId();
        givenOrderWithItems(orderId, Map.of(sku, 4));
        long stock = stockOf(sku);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<?>> restores = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                restores.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    restorer().restore(orderId);
                    return null;
                }));
            }
            for (Future<?> restore : restores) {
                restore.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(stockOf(sku)).isEqualTo(stock + 4);
    }
}
