package io.github.delayclose.bench.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.driver.AppProcess;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.driver.OrderPlan;
import io.github.delayclose.bench.driver.Pause;
import io.github.delayclose.bench.driver.Progress;
import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code pending}: the application's heap after full GCs with no order waiting, then with N orders
 * scheduled and waiting in the delay levels. The orders are scheduled through the application, so
 * anything it keeps per waiting order shows; their window is long enough that none falls due.
 */
final class PendingScenario implements Scenario {

    static final int DEFAULT_ORDERS = 1_000_000;

    private static final Duration SETTLE = Duration.ofSeconds(5);

    @Override
    public Outcome run(BenchRun run) {
        int orders = run.args().count("orders", DEFAULT_ORDERS, 1);
        Duration window = run.args().duration("timeout", Duration.ofHours(2));
        int mark = run.teardown().mark();
        try {
            BenchDatabase database = run.database("pending");
            AppProcess app = run.startApp(AppMode.DELAY_CLOSE, database, "pending",
                    Map.of("delay-close.timeout", window.toMillis() + "ms"));
            String delayQueue = run.queues(AppMode.DELAY_CLOSE, "pending").delay();
            Pause.of(SETTLE); // let start-up work (first sweep, connection set-up) finish before measuring
            long heapEmpty = app.client().heapUsedAfterGc();

            Progress.say("pending: scheduling " + orders + " orders");
            String prefix = run.idPrefix("pending");
            List<String> ids = IntStream.range(0, orders).mapToObj(i -> OrderPlan.orderId(prefix, i)).toList();
            int failed = app.client().schedule(ids);
            // Orders wait in the delay levels (queue names under the delay queue's), or in the delay
            // queue itself with the fixed layout.
            List<String> waitingQueues = app.client().declared().queues().stream()
                    .filter(queue -> queue.equals(delayQueue) || queue.startsWith(delayQueue + ".")).toList();
            long waiting = run.broker().awaitDepth(waitingQueues, orders - failed, run.stall());
            long heapFull = app.client().heapUsedAfterGc();

            ResultLine line = ResultLine.of("pending");
            line.put("orders", orders);
            line.put("waiting", waiting);
            line.put("heap_mb_0", megabytes(heapEmpty));
            line.put("heap_mb_n", megabytes(heapFull));
            line.put("heap_delta_mb", megabytes(heapFull - heapEmpty));
            line.put("app_heap", run.args().text("app-heap", "1g"));
            return new Outcome(line, Math.max(0, orders - waiting));
        }
        finally {
            run.teardown().runDownTo(mark);
        }
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
