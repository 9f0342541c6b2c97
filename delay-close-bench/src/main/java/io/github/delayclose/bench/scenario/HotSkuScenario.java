package io.github.delayclose.bench.scenario;

import java.util.Map;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code hotsku}: like drain, but every order holds a unit of the same SKU, so every close updates
 * the same {@code tb_sku} row (a flash sale). With {@code --with-drain} it runs drain's spread-out
 * SKUs first, in the same run, and reports the ratio.
 */
final class HotSkuScenario implements Scenario {

    @Override
    public Outcome run(BenchRun run) {
        int orders = run.args().count("orders", DrainScenario.DEFAULT_ORDERS, 1);
        DueTogether phases = new DueTogether(run);
        ResultLine line = ResultLine.of("hotsku");
        long lost = 0;
        DueTogether.Outcome drain = null;
        if (run.args().flag("with-drain", false)) {
            drain = phases.run("drain", AppMode.DELAY_CLOSE, orders, run.skus(DrainScenario.DEFAULT_SKUS), Map.of());
            lost += drain.lost();
        }
        DueTogether.Outcome hot = phases.run("hotsku", AppMode.DELAY_CLOSE, orders, 1, Map.of());
        lost += hot.lost();
        hot.report(line, "");
        if (drain != null) {
            line.put("drain_closes_per_s", drain.closesPerSecond());
            line.put("ratio_to_drain", hot.closesPerSecond() / drain.closesPerSecond());
        }
        line.put("latency_ms", run.provider().latency().toMillis());
        return new Outcome(line, lost);
    }
}
