package io.github.delayclose.bench.scenario;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.github.delayclose.bench.report.CpuAccount;
import io.github.delayclose.bench.report.ResultLine;

/**
 * One phase in which every order is due at the same instant: the orders are written, opened at the
 * provider and scheduled through the application's real path with a 1 s payment window while its
 * listener is stopped; once every message has expired into the timeout queue, the listener is
 * started. The clock runs from that start (when all orders are due) to the last order ending.
 */
final class DueTogether {

    
    /** The payment window: short, so the whole batch is due soon after it is scheduled. */
    private static final Duration WINDOW = Duration.ofSeconds(1);

    private final BenchRun run;

    DueTogether(BenchRun run) {
        this.run = run;
    }

    /**
     * @param phase a lower-case word naming the phase (and its database, queues and log)
     * @param properties extra properties for the application under test
     */
    Outcome run(String phase, AppMode mode, int orders, int skus, Map<String, String> properties) {
        int mark = run.teardown().mark();
        try {
            OrderPlan plan = OrderPlan.create(run.idPrefix(phase), orders, skus, run.paidPercent());
            BenchDatabase database = run.database(phase);
            ShopLoader shop = new ShopLoader(database.jdbc());
            shop.insertSkus(plan);
            run.provider().reset();

            Map<String, String> all = new LinkedHashMap<>();
            all.put("delay-close.timeout", WINDOW.toMillis() + "ms");
            all.put("delay-close.listener.auto-startup", "false");
            all.put("bench.tutorial.ttl", Long.toString(WINDOW.toMillis()));
            all.putAll(properties);
            AppProcess app = run.startApp(mode, database, phase, all);
            BenchRun.PhaseQueues queues = run.queues(mode, phase);
            CloseClock clock = new CloseClock(database.jdbc());
            long warmUpLost = WarmUp.closeFirst(run, app, database, shop, clock, phase, warmUpOrders(orders), skus,
                    new WarmUp.Listener() {

                        @Override
                        public void start() {
                            app.client().startListener();
                        }

                        @Override
                        public void stop() {
                            app.client().stopListener();
                        }
                    });

            // Written after the warm-up, and scheduled right away, as a shop does: orders that wait
            // unscheduled for long would be found by the sweep first.
            shop.insertOrders(plan.orders(), LocalDateTime.now());
            run.provider().open(plan.orders());
            long scheduleStart = System.nanoTime();
            int failed = schedule(app, plan.orders());
            double scheduledPerSecond = orders / ((System.nanoTime() - scheduleStart) / 1e9);
            // Every message expired into the timeout queue: all orders are due.
            long due = run.broker().awaitDepth(queues.timeout(), orders - failed, run.stall());
            if (due < orders - failed) {
                Progress.say(phase + ": only " + due + " of " + (orders - failed) + " messages reached "
                        + queues.timeout() + "; starting the listener anyway");
            }

            int endedEarly = clock.ended().count();
            if (endedEarly > 0) {
                Progress.say(phase + ": " + endedEarly + " orders ended before the listener was started;"
                        + " does delay-close.listener.auto-startup still exist?");
            }
            Instant providerFrom = Instant.now();
            CpuAccount cpu = CpuAccount.start(run.cpuProcesses(app));
            long dueAt = app.client().startListener();
            Progress.say(phase + ": " + orders + " orders due, listener started");
            CloseClock.Ended ended = new CloseWatcher(clock, run.stall()).await(orders, phase);
            double seconds = Math.max(1, ended.lastMillis() - dueAt) / 1000.0;
            Map<String, Double> cpuPerClose = cpu.perClose(ended.count());
            EndStateCheck.EndState end = new EndStateCheck(database.jdbc()).check(plan);
            return new Outcome(orders, ended.count(), seconds, ended.count() / seconds,
                    run.provider().peakCallsPerSecond(providerFrom), scheduledPerSecond, endedEarly, cpuPerClose,
                    warmUpLost, end);
        }
        finally {
            run.teardown().runDownTo(mark);
        }
    }

    /** A quarter of the batch, at most {@code --warmup}: the baseline's small batch gets a short warm-up. */
    private int warmUpOrders(int orders) {
        return Math.min(run.args().count("warmup", WarmUp.DEFAULT_ORDERS, 0), orders / 4);
    }

    private int schedule(AppProcess app, List<BenchOrder> orders) {
        int failed = app.client().schedule(orders.stream().map(BenchOrder::id).toList());
        if (failed > 0) {
            Progress.say(failed + " orders could not be scheduled; the end-state check counts them");
        }
        return failed;
    }

    /**
     * @param seconds from the listener's start (every order due) to the last order ending
     * @param providerPeakRps the most provider calls in any one second, seen at the simulator
     * @param endedEarly orders that ended before the listener was started (should be 0)
     * @param cpuPerClose CPU milliseconds per close of each process, see {@link CpuAccount}
     * @param warmUpLost warm-up orders that did not end exactly once
     * @param end the measured batch's end state
     */
    record Outcome(int orders, int ended, double seconds, double closesPerSecond, int providerPeakRps,
            double scheduledPerSecond, int endedEarly, Map<String, Double> cpuPerClose, long warmUpLost,
            EndStateCheck.EndState end) {

        /** Orders of the measured batch and of its warm-up that did not end exactly once. */
        long lost() {
            return end.lost() + warmUpLost;
        }

        /** The figures of this phase, each key with {@code prefix} in front. */
        void report(ResultLine line, String prefix) {
            line.put(prefix + "orders", orders);
            line.put(prefix + "closes_per_s", closesPerSecond);
            line.put(prefix + "seconds", seconds);
            line.put(prefix + "provider_peak_rps", providerPeakRps);
            line.put(prefix + "scheduled_per_s", scheduledPerSecond);
            if (end.paid() > 0) {
                line.put(prefix + "paid", end.paid());
            }
            if (endedEarly > 0) {
                line.put(prefix + "ended_early", endedEarly);
            }
            CpuAccount.report(cpuPerClose, line, prefix);
        }
    }
}
