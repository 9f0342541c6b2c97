package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.delayclose.core.spi.Payment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The race the library exists for: for each of many orders, a payment notification and two timeout
 * deliveries (the second a redelivery, or another instance) arrive at the same moment. The close
 * runs as {@code OrderCloser} runs it: {@code markClosed} and, if it won, {@code restore}, in one
 * transaction. Whatever the interleaving, every order ends paid or closed, its log agrees, and stock
 * comes back exactly for the closed ones.
 */
class PaymentRacingCloseIT {

    private static final int ORDERS = 200;

    private static final int SKUS = 3;

    private static final int TASKS_PER_ORDER = 3;

    private static final long INITIAL_STOCK = 100_000;

    private final DataSource dataSource = TestDatabase.dataSource();

    private final Shop shop = new Shop(dataSource, ShopSchema.TUTORIAL, ZoneId.systemDefault());

    private final JdbcOrderRepository repository = JdbcOrderRepository.builder(dataSource).build();

    private final JdbcStockRestorer restorer = JdbcStockRestorer.builder(dataSource).build();

    private final TransactionTemplate closeTransaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    private final ExecutorService pool = Executors.newFixedThreadPool(4 * TASKS_PER_ORDER);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void everyOrderEndsPaidOrClosedAndStockMovesOnceForClosedOrdersOnly() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> skus = new ArrayList<>();
        for (int s = 0; s < SKUS; s++) {
            skus.add("race-" + run + "-sku-" + s);
        }
        Map<String, Map<String, Integer>> itemsByOrder = placeOrders(run, skus);

        Map<String, Outcome> outcomes = race(itemsByOrder.keySet());

        Map<String, Long> returned = new HashMap<>();
        int closedOrders = 0;
        for (Map.Entry<String, Map<String, Integer>> order : itemsByOrder.entrySet()) {
            String orderId = order.getKey();
            Outcome outcome = outcomes.get(orderId);
            assertThat(outcome.wins()).as("winning transitions of order %s", orderId).isEqualTo(1);
            Map<String, Object> row = shop.orderRow(orderId);
            List<Map<String, Object>> log = shop.logRows(orderId);
            assertThat(log).as("log of order %s", orderId).hasSize(1);
            if (outcome.closeWins() == 1) {
                closedOrders++;
                assertThat(row).containsEntry("order_status", "4").containsEntry("pay_status", "0")
                        .containsEntry("transaction_id", null);
                assertThat(row.get("close_time")).isNotNull();
                assertThat(log.get(0)).containsEntry("order_status", "4");
                assertThat(shop.stockRestoreRecorded(orderId)).as("restore recorded for closed %s", orderId).isTrue();
                order.getValue().forEach((sku, quantity) -> returned.merge(sku, (long) quantity, Long::sum));
            }
            else {
                assertThat(row).containsEntry("order_status", "1").containsEntry("pay_status", "1")
                        .containsEntry("transaction_id", "tx-" + orderId).containsEntry("close_time", null);
                assertThat(log.get(0)).containsEntry("order_status", "1");
                assertThat(shop.stockRestoreRecorded(orderId)).as("no restore for paid %s", orderId).isFalse();
            }
        }
        assertThat(closedOrders).as("both outcomes occurred, so the race was real").isBetween(1, ORDERS - 1);
        for (String sku : skus) {
            long taken = itemsByOrder.values().stream().mapToLong(items -> items.getOrDefault(sku, 0)).sum();
            long back = returned.getOrDefault(sku, 0L);
            assertThat(shop.stock(sku)).as("stock of %s", sku).contains(INITIAL_STOCK - taken + back);
            assertThat(shop.sales(sku)).as("sales of %s", sku).isEqualTo(taken - back);
        }
    }

    /** Places the orders the way a shop does: stock taken at order time, items on random SKUs. */
    private Map<String, Map<String, Integer>> placeOrders(String run, List<String> skus) {
        Random random = new Random(42);
        Map<String, Map<String, Integer>> itemsByOrder = new LinkedHashMap<>();
        Map<String, Long> taken = new HashMap<>();
        Instant createdAt = Instant.now().minusSeconds(3600);
        for (int o = 0; o < ORDERS; o++) {
            String orderId = "race-" + run + "-" + o;
            Map<String, Integer> items = new LinkedHashMap<>();
            for (String sku : skus) {
                if (random.nextInt(4) > 0) {
                    items.put(sku, 1 + random.nextInt(5));
                }
            }
            shop.unpaidOrder(orderId, createdAt);
            items.forEach((sku, quantity) -> {
                shop.item(orderId, sku, quantity);
                taken.merge(sku, (long) quantity, Long::sum);
            });
            itemsByOrder.put(orderId, items);
        }
        for (String sku : skus) {
            long units = taken.getOrDefault(sku, 0L);
            shop.sku(sku, INITIAL_STOCK - units, units);
        }
        return itemsByOrder;
    }

    private Map<String, Outcome> race(Iterable<String> orderIds) throws Exception {
        Map<String, List<Future<Boolean>>> pays = new LinkedHashMap<>();
        Map<String, List<Future<Boolean>>> closes = new LinkedHashMap<>();
        for (String orderId : orderIds) {
            // One barrier per order: its payment and both closes start together.
            CyclicBarrier start = new CyclicBarrier(TASKS_PER_ORDER);
            pays.put(orderId, List.of(pool.submit(together(start, () -> pay(orderId)))));
            closes.put(orderId, List.of(pool.submit(together(start, () -> close(orderId))),
                    pool.submit(together(start, () -> close(orderId)))));
        }
        Map<String, Outcome> outcomes = new HashMap<>();
        for (String orderId : pays.keySet()) {
            outcomes.put(orderId, new Outcome(wins(pays.get(orderId)), wins(closes.get(orderId))));
        }
        return outcomes;
    }

    private boolean pay(String orderId) {
        return repository.markPaid(orderId, new Payment("tx-" + orderId, Instant.now()));
    }

    /** As {@code OrderCloser} closes: the transition and the restore commit together. */
    private boolean close(String orderId) {
        return closeTransaction.execute(status -> {
            boolean won = repository.markClosed(orderId, Instant.now());
            if (won) {
                restorer.restore(orderId);
            }
            return won;
        });
    }

    private static Callable<Boolean> together(CyclicBarrier start, Callable<Boolean> task) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            return task.call();
        };
    }

    private static int wins(List<Future<Boolean>> results) throws Exception {
        int wins = 0;
        for (Future<Boolean> result : results) {
            if (result.get(60, TimeUnit.SECONDS)) {
                wins++;
            }
        }
        return wins;
    }

    private record Outcome(int payWins, int closeWins) {

        int wins() {
            return payWins + closeWins;
        }
    }
}
