package io.github.delayclose.bench.scenario;

import java.time.Duration;
import java.util.Map;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.driver.AppProcess;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.driver.CloseClock;
import io.github.delayclose.bench.driver.CloseWatcher;
import io.github.delayclose.bench.driver.EndStateCheck;
import io.github.delayclose.bench.driver.OrderPlan;
import io.github.delayclose.bench.driver.Progress;
import io.github.delayclose.bench.driver.ShopLoader;
import io.github.delayclose.bench.report.LatenessWindows;
import io.github.delayclose.bench.report.Percentiles;
import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code steady}: orders created at a constant rate for a while, each closed when its own window
 * ends. Lateness is measured per order from its deadline (the moment its rows were written plus
 * the payment window) to the commit of its close, overall and per window of deadlines.
 */
final class SteadyScenario implements Scenario {

    @Override
    public Outcome run(BenchRun run) {
        int rate = run.args().count("rate", 500, 1);
        Duration duration = run.args().duration("duration", Duration.ofSeconds(60));
        Duration window = run.args().duration("timeout", Duration.ofSeconds(10));
        int orders = (int) Math.max(1, rate * duration.toMillis() / 1000);
        int mark = run.teardown().mark();
        try {
            OrderPlan plan = OrderPlan.create(run.idPrefix("steady"), orders, run.skus(DrainScenario.DEFAULT_SKUS),
                    run.paidPercent());
            BenchDatabase database = run.database("steady");
            ShopLoader shop = new ShopLoader(database.jdbc());
            shop.insertSkus(plan);
            run.provider().reset();
            AppProcess app = run.startApp(AppMode.DELAY_CLOSE, database, "steady",
                    Map.of("delay-close.timeout", window.toMillis() + "ms"));
            CloseClock clock = new CloseClock(database.jdbc());
            long warmUpLost = WarmUp.closeFirst(run, app, database, shop, clock, "steady",
                    run.args().count("warmup", WarmUp.DEFAULT_ORDERS, 0), run.skus(DrainScenario.DEFAULT_SKUS),
                    WarmUp.ALWAYS_ON);
            QueueDepthSampler depths = QueueDepthSampler.start(run.broker(), run.queues(AppMode.DELAY_CLOSE, "steady").timeout());
            run.teardown().add("stop sampling the timeout queue", depths::stop);

            Progress.say("steady: creating " + orders + " orders at " + rate + "/s for " + duration.toSeconds() + " s");
            long start = System.currentTimeMillis();
            Map<String, Long> deadlines = PacedCreation.create(plan, rate, shop, run.provider(), app.client(),
                    PacedCreation.fixed(window));
            double achievedRate = orders / Math.max(0.001, (System.currentTimeMillis() - start) / 1000.0);

            new CloseWatcher(clock, run.stall()).await(orders, "steady");
            depths.stop();
            LatenessWindows lateness = new LatenessWindows(start + window.toMillis(),
                    run.args().duration("window", Duration.ofSeconds(10)));
            clock.endTimes().forEach((orderId, endedAt) -> {
                Long deadline = deadlines.get(orderId);
                if (deadline != null) {
                    lateness.add(deadline, endedAt);
                }
            });
            EndStateCheck.EndState end = new EndStateCheck(database.jdbc()).check(plan);
            return new Outcome(report(rate, achievedRate, orders, lateness, depths, run), end.lost() + warmUpLost);
        }
        finally {
            run.teardown().runDownTo(mark);
        }
    }

    private static ResultLine report(int rate, double achievedRate, int orders, LatenessWindows lateness,
            QueueDepthSampler depths, BenchRun run) {
        Duration tolerance = run.args().duration("backlog-tolerance", Duration.ofMillis(100));
        ResultLine line = ResultLine.of("steady");
        line.put("orders", orders);
        line.put("rate", rate);
        line.put("achieved_rate", achievedRate);
        Percentiles overall = lateness.overall();
        if (!overall.isEmpty()) {
            line.put("p50_ms", overall.percentile(50));
            line.put("p99_ms", overall.percentile(99));
            line.put("max_ms", overall.max());
        }
        for (LatenessWindows.Window window : lateness.windows()) {
            line.put("p50_w" + window.number(), window.p50());
            line.put("p99_w" + window.number(), window.p99());
        }
        long depthTolerance = Math.max(1, rate * tolerance.toMillis() / 1000);
        line.put("depth_max", depths.max());
        line.put("backlog_grew", lateness.grew(tolerance) || depths.grew(depthTolerance));
        line.put("latency_ms", run.provider().latency().toMillis());
        return line;
    }
}
