package io.github.delayclose.bench.scenario;

import java.time.LocalDateTime;

import io.github.delayclose.bench.driver.AppProcess;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.driver.BenchOrder;
import io.github.delayclose.bench.driver.CloseClock;
import io.github.delayclose.bench.driver.CloseWatcher;
import io.github.delayclose.bench.driver.EndStateCheck;
import io.github.delayclose.bench.driver.OrderPlan;
import io.github.delayclose.bench.driver.Progress;
import io.github.delayclose.bench.driver.ShopLoader;

/**
 * Closes a batch of orders of their own (own ids, own SKUs) before the measured ones. A shop's
 * application has been running for hours when a sale ends; a JVM that compiles its hot paths while
 * being measured would report the compiler, not the closes.
 */
final class WarmUp {

    /** Orders closed before the measured ones, unless {@code --warmup} says otherwise. */
    static final int DEFAULT_ORDERS = 3000;

    /** What the scenario does around the wait, such as starting its listener and stopping it again. */
    interface Listener {

        void start();

        void stop();
    }

    /** For an application whose listener runs all along. */
    static final Listener ALWAYS_ON = new Listener() {

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    };

    private WarmUp() {
    }

    /**
     * @return the warm-up orders that did not end exactly once (counted into {@code lost}); the close
     *     clock is reset afterwards, so only the measured orders' close times remain
     */
    static long closeFirst(BenchRun run, AppProcess app, BenchDatabase database, ShopLoader shop, CloseClock clock,
            String phase, int orders, int skus, Listener listener) {
        if (orders == 0) {
            return 0;
        }
        OrderPlan plan = OrderPlan.create(run.idPrefix(phase) + "W", orders, Math.min(skus, orders), 0);
        shop.insertSkus(plan);
        shop.insertOrders(plan.orders(), LocalDateTime.now());
        run.provider().open(plan.orders());
        int failed = app.client().schedule(plan.orders().stream().map(BenchOrder::id).toList());
        if (failed > 0) {
            Progress.say(failed + " warm-up orders could not be scheduled; the end-state check counts them");
        }
        listener.start();
        Progress.say(phase + ": warming up with " + orders + " orders");
        new CloseWatcher(clock, run.stall()).await(orders, phase + " warm-up");
        listener.stop();
        long lost = new EndStateCheck(database.jdbc()).check(plan).lost();
        clock.reset();
        return lost;
    }
}
