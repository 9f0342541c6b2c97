package io.github.delayclose.bench.scenario;

import java.util.Map;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.report.ResultLine;

/** {@code baseline}: the tutorial's design alone: one consumer, provider calls inside the transaction. */
final class BaselineScenario implements Scenario {

    @Override
    public Outcome run(BenchRun run) {
        int orders = run.args().count("orders", DrainScenario.DEFAULT_BASELINE_ORDERS, 1);
        DueTogether.Outcome baseline = new DueTogether(run).run("baseline", AppMode.TUTORIAL, orders,
                run.skus(DrainScenario.DEFAULT_SKUS), Map.of());
        ResultLine line = ResultLine.of("baseline");
        baseline.report(line, "");
        line.put("latency_ms", run.provider().latency().toMillis());
        return new Outcome(line, baseline.lost());
    }
}
