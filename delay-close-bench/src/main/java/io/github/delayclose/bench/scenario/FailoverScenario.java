package io.github.delayclose.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.driver.AppProcess;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.driver.Broker;
import io.github.delayclose.bench.driver.CloseClock;
import io.github.delayclose.bench.driver.CloseWatcher;
import io.github.delayclose.bench.driver.EndStateCheck;
import io.github.delayclose.bench.driver.OrderPlan;
import io.github.delayclose.bench.driver.Progress;
import io.github.delayclose.bench.driver.RabbitCluster;
import io.github.delayclose.bench.driver.ShopLoader;
import io.github.delayclose.bench.report.CloseGaps;
import io.github.delayclose.bench.report.Percentiles;
import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code failover}: orders created at a steady rate while a 3-node RabbitMQ cluster of the run's own
 * loses, one after the other, the node leading the delay queue, the one leading the timeout queue
 * and the one the application is connected to, with {@code --queue-type=quorum|classic}.
 *
 * <p>Every order is checked in the database at the end. Lateness is reported apart for the orders
 * due in a fault window (from the kill until the payment window after the node is back, which
 * covers the orders created while it was down) and for the others. With orders due 25 times a
 * second, the listener's recovery is read from the close times: the end of the longest pause
 * between closes after the kill, from when closing could resume (at once with quorum queues, which
 * survive the loss of one node; when the node is back for a classic queue that lived on it).
 */
final class FailoverScenario implements Scenario {

    private static final String PHASE = "failover";

    @Override
    public Outcome run(BenchRun run) {
        String queueType = run.args().text("queue-type", "quorum").toLowerCase(Locale.ROOT);
        if (!queueType.equals("quorum") && !queueType.equals("classic")) {
            throw new IllegalArgumentException("--queue-type must be quorum or classic, got " + queueType);
        }
        int rate = run.args().count("rate", 25, 1);
        int orders = run.args().count("orders", 6000, 1);
        Duration window = run.args().duration("timeout", Duration.ofSeconds(10));
        Duration down = run.args().duration("down", Duration.ofSeconds(15));
        Path sbin = Path.of(run.args().text("rabbitmq-sbin", "/usr/lib/rabbitmq/bin"));
        int mark = run.teardown().mark();
        try {
            Progress.say("failover: starting a 3-node RabbitMQ cluster of its own from " + sbin);
            RabbitCluster cluster = RabbitCluster.create(sbin,
                    Path.of(System.getProperty("java.io.tmpdir"), "delay-close-bench-" + run.runId() + "-cluster"),
                    "dcbench-" + run.runId(), 3, run.outDir().resolve("failover-cluster"));
            run.teardown().add("stop the cluster", cluster::close);
            cluster.start();
            Broker broker = new Broker(cluster.server());
            run.teardown().add("close the driver's connection to the cluster", broker::close);

            OrderPlan plan = OrderPlan.create(run.idPrefix(PHASE), orders, run.skus(DrainScenario.DEFAULT_SKUS),
                    run.paidPercent());
            BenchDatabase database = run.database(PHASE);
            ShopLoader shop = new ShopLoader(database.jdbc());
            shop.insertSkus(plan);
            run.provider().reset();
            AppProcess app = run.startApp(AppMode.DELAY_CLOSE, database, PHASE,
                    Map.of("delay-close.timeout", window.toMillis() + "ms", "delay-close.queues.type", queueType), broker);
            BenchRun.PhaseQueues queues = run.queues(AppMode.DELAY_CLOSE, PHASE);

            String prefix = queues.timeout().substring(0, queues.timeout().lastIndexOf('.'));
            CloseClock clock = new CloseClock(database.jdbc());
            QuietCost quiet = new QuietCost(cluster, app, clock);
            var timing = new NodeFaults.Timing(window, run.args().duration("first-fault", Duration.ofSeconds(30)), down,
                    run.args().duration("settle", Duration.ofSeconds(20)));
            var faults = new NodeFaults(cluster, prefix, queues, timing, quiet::start, quiet::stop).start();
            Progress.say("failover: creating " + orders + " orders at " + rate + "/s; " + queueType + " queues");
            long start = System.currentTimeMillis();
            Map<String, Long> deadlines = PacedCreation.create(plan, rate, shop, run.provider(), app.client(),
                    PacedCreation.fixed(window));
            if (!faults.isDone()) {
                Progress.say("failover: all orders created before the last fault ended; waiting for it");
            }
            List<NodeFaults.Fault> done = join(faults);

            new CloseWatcher(clock, run.stall()).await(orders, PHASE);
            EndStateCheck.EndState end = new EndStateCheck(database.jdbc()).check(plan);
            ResultLine line = ResultLine.of(PHASE).put("queue_type", queueType).put("orders", orders)
                    .put("lost", end.lost()).put("closed_twice", end.closedTwice());
            report(line, done, deadlines, clock.endTimes(), window, queueType, start);
            quiet.report(line);
            return new Outcome(line, end.lost());
        }
        finally {
            run.teardown().runDownTo(mark);
        }
    }

    private static List<NodeFaults.Fault> join(java.util.concurrent.CompletableFuture<List<NodeFaults.Fault>> faults) {
        try {
            return faults.join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
    }

    private static void report(ResultLine line, List<NodeFaults.Fault> faults, Map<String, Long> deadlines,
            Map<String, Long> ended, Duration window, String queueType, long start) {
        List<Long> outside = new ArrayList<>();
        List<List<Long>> inside = new ArrayList<>();
        faults.forEach(fault -> inside.add(new ArrayList<>()));
        deadlines.forEach((orderId, deadline) -> {
            Long endedAt = ended.get(orderId);
            if (endedAt == null) {
                return;
            }
            long late = Math.max(0, endedAt - deadline);
            int in = faultOf(faults, deadline, window);
            (in < 0 ? outside : inside.get(in)).add(late);
        });
        Percentiles quiet = percentiles(outside);
        line.put("p99_lateness_ms", quiet.isEmpty() ? -1 : quiet.percentile(99));
        CloseGaps gaps = CloseGaps.of(ended.values().stream().mapToLong(Long::longValue).toArray());
        long lastDue = deadlines.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long worstFault = -1;
        long worstRecovery = 0;
        List<String> tried = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            NodeFaults.Fault fault = faults.get(i);
            Percentiles during = percentiles(inside.get(i));
            long p99 = during.isEmpty() ? -1 : during.percentile(99);
            worstFault = Math.max(worstFault, p99);
            // A quorum queue is led from another node within seconds; a classic one is back with its node.
            boolean hadQueue = fault.hadTimeoutQueue() || fault.hadDelayQueue();
            long availableAt = queueType.equals("classic") && hadQueue ? fault.backAt() : fault.killedAt();
            // Up to the next fault, or the last order due (later pauses are the end of the load).
            long until = Math.min(lastDue, i + 1 < faults.size() ? faults.get(i + 1).killedAt() : Long.MAX_VALUE);
            long recovery = gaps.recoveryMillis(fault.killedAt(), until, availableAt);
            CloseGaps.Gap pause = gaps.longest(fault.killedAt(), until);
            worstRecovery = Math.max(worstRecovery, recovery);
            String role = fault.role().label;
            tried.add(role + ":" + fault.shortNode() + (fault.hadDelayQueue() ? "+delayq" : "")
                    + (fault.hadTimeoutQueue() ? "+timeoutq" : ""));
            line.put("p99_ms_" + role, p99);
            line.put("max_ms_" + role, during.isEmpty() ? -1 : during.max());
            line.put("closes_paused_s_" + role, pause == null ? 0 : pause.millis() / 1000.0);
            line.put("recovery_s_" + role, recovery / 1000.0);
            line.put("node_down_s_" + role, (fault.backAt() - fault.killedAt()) / 1000.0);
        }
        line.put("p99_failover_ms", worstFault);
        line.put("listener_recovery_s", worstRecovery / 1000.0);
        line.put("faults", tried.isEmpty() ? "none" : String.join(",", tried));
        Percentiles all = percentiles(deadlines.keySet().stream().filter(ended::containsKey)
                .map(id -> Math.max(0, ended.get(id) - deadlines.get(id))).toList());
        line.put("max_ms", all.isEmpty() ? -1 : all.max());
        line.put("duration_s", (System.currentTimeMillis() - start) / 1000.0);
    }

    /** The fault whose window holds the deadline, or -1: from the kill until a payment window after the node is back. */
    private static int faultOf(List<NodeFaults.Fault> faults, long deadline, Duration window) {
        for (int i = 0; i < faults.size(); i++) {
            NodeFaults.Fault fault = faults.get(i);
            if (deadline >= fault.killedAt() && deadline <= fault.backAt() + window.toMillis()) {
                return i;
            }
        }
        return -1;
    }

    private static Percentiles percentiles(List<Long> values) {
        return Percentiles.of(values.stream().mapToLong(Long::longValue).toArray());
    }
}
