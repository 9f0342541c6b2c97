package io.github.delayclose.bench.scenario;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.delayclose.bench.driver.AppClient;
import io.github.delayclose.bench.driver.BenchOrder;
import io.github.delayclose.bench.driver.OrderPlan;
import io.github.delayclose.bench.driver.Pause;
import io.github.delayclose.bench.driver.ShopLoader;
import io.github.delayclose.bench.driver.ProviderSimulator;

/**
 * Creates a plan's orders at a constant rate, as a checkout would: every tick, the orders due by
 * then get their rows, an open trade at the provider and their payment window.
 */
final class PacedCreation {

    private static final Duration TICK = Duration.ofMillis(10);

    /** Starts the windows of one batch of just-created orders; answers each order's deadline. */
    @FunctionalInterface
    interface Windows {

        Map<String, Long> start(List<BenchOrder> batch, long createdAtMillis, AppClient app);
    }

    private PacedCreation() {
    }

    /** Every order gets the application's one configured window. */
    static Windows fixed(Duration window) {
        return (batch, createdAt, app) -> {
            app.schedule(batch.stream().map(BenchOrder::id).toList());
            Map<String, Long> deadlines = new HashMap<>();
            batch.forEach(order -> deadlines.put(order.id(), createdAt + window.toMillis()));
            return deadlines;
        };
    }

    /**
     * Creates every order of the plan at {@code rate} a second.
     *
     * @return each order's deadline, in epoch milliseconds
     */
    static Map<String, Long> create(OrderPlan plan, int rate, ShopLoader shop, ProviderSimulator provider,
            AppClient app, Windows windows) {
        Map<String, Long> deadlines = new HashMap<>();
        long start = System.nanoTime();
        int created = 0;
        int total = plan.orders().size();
        while (created < total) {
            int due = (int) Math.min(total, (System.nanoTime() - start) / 1e9 * rate);
            if (due <= created) {
                Pause.of(TICK);
                continue;
            }
            List<BenchOrder> batch = plan.orders().subList(created, due);
            shop.insertOrders(batch, LocalDateTime.now());
            long createdAt = System.currentTimeMillis();
            provider.open(batch);
            deadlines.putAll(windows.start(batch, createdAt, app));
            created = due;
        }
        return deadlines;
    }
}
