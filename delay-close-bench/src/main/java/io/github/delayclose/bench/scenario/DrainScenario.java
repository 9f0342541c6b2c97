package io.github.delayclose.bench.scenario;

import java.util.Map;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code drain}: N orders due together, closed by delay-close; then the tutorial's design on a
 * smaller batch in the same run, so the figure comes with its baseline measured under the same
 * load average.
 */
final class DrainScenario implements Scenario {

    static final int DEFAULT_ORDERS = 20_000;
    static final int DEFAULT_BASELINE_ORDERS = 1000;
    static final int DEFAULT_SKUS = 1000;

    @Override
    public Outcome run(BenchRun run) {
        int orders = run.args().count("orders", DEFAULT_ORDERS, 1);
        int baselineOrders = run.args().count("baseline-orders", DEFAULT_BASELINE_ORDERS, 1);
        int skus = run.skus(DEFAULT_SKUS);
        DueTogether phases = new DueTogether(run);
        DueTogether.Outcome delayClose = phases.run("drain", AppMode.DELAY_CLOSE, orders, skus, Map.of());
        DueTogether.Outcome baseline = phases.run("baseline", AppMode.TUTORIAL, baselineOrders, skus, Map.of());
        ResultLine line = ResultLine.of("drain");
        delayClose.report(line, "");
        baseline.report(line, "baseline_");
        line.put("ratio", delayClose.closesPerSecond() / baseline.closesPerSecond());
        line.put("latency_ms", run.provider().latency().toMillis());
        line.put("baseline_lost", baseline.lost());
        return new Outcome(line, delayClose.lost());
    }
}
