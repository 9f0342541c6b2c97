package io.github.delayclose.bench.scenario;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.driver.AppProcess;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.driver.BenchOrder;
import io.github.delayclose.bench.driver.CloseClock;
import io.github.delayclose.bench.driver.CloseWatcher;
import io.github.delayclose.bench.driver.EndStateCheck;
import io.github.delayclose.bench.driver.OrderPlan;
import io.github.delayclose.bench.driver.Progress;
import io.github.delayclose.bench.driver.ShopLoader;
import io.github.delayclose.bench.report.Percentiles;
import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code mixed}: orders created at a constant rate, each with a payment window of its own drawn
 * evenly from 1 to 60 s ({@code schedule(orderId, Instant deadline)}). With one queue and per-message
 * TTLs a short window waits behind a long one at the queue's head; the delay levels must close each
 * order at its own deadline. Prints lateness (deadline to the close's commit) p50/p99/max, how many
 * orders closed before their deadline ({@code early}, which must be 0), and the rate orders were
 * scheduled at.
 */
final class MixedScenario implements Scenario {

    @Override
    public Outcome run(BenchRun run) {
        int rate = run.args().count("rate", 2000, 1);
        Duration duration = run.args().duration("duration", Duration.ofSeconds(5));
        Duration minWindow = run.args().duration("min-window", Duration.ofSeconds(1));
        Duration maxWindow = run.args().duration("max-window", Duration.ofSeconds(60));
        if (maxWindow.compareTo(minWindow) < 0) {
            throw new IllegalArgumentException("--max-window must not be shorter than --min-window");
        }
        SplittableRandom windows = new SplittableRandom(run.args().number("seed", 1));
        int orders = (int) Math.max(1, rate * duration.toMillis() / 1000);
        int mark = run.teardown().mark();
        try {
            OrderPlan plan = OrderPlan.create(run.idPrefix("mixed"), orders, run.skus(DrainScenario.DEFAULT_SKUS),
                    run.paidPercent());
            BenchDatabase database = run.database("mixed");
            ShopLoader shop = new ShopLoader(database.jdbc());
            shop.insertSkus(plan);
            run.provider().reset();
            // Orders with windows of their own need their deadlines stored (V4 of the shipped schema), so the
            // sweep knows the real deadline of an order whose message is lost.
            // Its default window (for the warm-up's orders only) is short, so the warm-up is.
            AppProcess app = run.startApp(AppMode.DELAY_CLOSE, database, "mixed",
                    Map.of("delay-close.jdbc.order-table.deadline-column", "deadline", "delay-close.timeout", "2s"));
            CloseClock clock = new CloseClock(database.jdbc());
            long warmUpLost = WarmUp.closeFirst(run, app, database, shop, clock, "mixed",
                    run.args().count("warmup", WarmUp.DEFAULT_ORDERS, 0), run.skus(DrainScenario.DEFAULT_SKUS),
                    WarmUp.ALWAYS_ON);

            Progress.say("mixed: creating " + orders + " orders at " + rate + "/s, windows of " + minWindow.toMillis()
                    + "-" + maxWindow.toMillis() + " ms");
            long start = System.currentTimeMillis();
            Map<String, Long> deadlines = PacedCreation.create(plan, rate, shop, run.provider(), app.client(),
                    (batch, createdAt, client) -> {
                        Map<String, Long> own = new HashMap<>();
                        for (BenchOrder order : batch) {
                            own.put(order.id(), createdAt + minWindow.toMillis()
                                    + windows.nextLong(maxWindow.toMillis() - minWindow.toMillis() + 1));
                        }
                        client.scheduleUntil(own);
                        return own;
                    });
            double scheduledPerSecond = orders / Math.max(0.001, (System.currentTimeMillis() - start) / 1000.0);

            new CloseWatcher(clock, run.stall().plus(maxWindow)).await(orders, "mixed");
            long[] lateness = clock.endTimes().entrySet().stream()
                    .filter(ended -> deadlines.containsKey(ended.getKey()))
                    .mapToLong(ended -> ended.getValue() - deadlines.get(ended.getKey()))
                    .toArray();
            EndStateCheck.EndState end = new EndStateCheck(database.jdbc()).check(plan);
            return new Outcome(report(rate, scheduledPerSecond, orders, Percentiles.of(lateness), run), end.lost() + warmUpLost);
        }
        finally {
            run.teardown().runDownTo(mark);
        }
    }

    private static ResultLine report(int rate, double scheduledPerSecond, int orders, Percentiles lateness,
            BenchRun run) {
        ResultLine line = ResultLine.of("mixed");
        line.put("orders", orders);
        line.put("rate", rate);
        line.put("scheduled_per_s", scheduledPerSecond);
        if (!lateness.isEmpty()) {
            line.put("p50_ms", lateness.percentile(50));
            line.put("p99_ms", lateness.percentile(99));
            line.put("max_ms", lateness.max());
            line.put("early", lateness.countBelow(0));
        }
        line.put("latency_ms", run.provider().latency().toMillis());
        return line;
    }
}
