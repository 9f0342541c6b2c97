package io.github.delayclose.bench.scenario;

import java.util.Map;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.driver.ProviderCeiling;
import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code burst}: a very large batch due at the same instant, optionally under a provider ceiling;
 * reports the most calls per second the provider saw, to show whether the ceiling held.
 */
final class BurstScenario implements Scenario {

    static final int DEFAULT_ORDERS = 100_000;

    @Override
    public Outcome run(BenchRun run) {
        int orders = run.args().count("orders", DEFAULT_ORDERS, 1);
        Map<String, String> ceiling = ProviderCeiling.properties(run.args().text("provider-rate"),
                run.args().text("provider-concurrency"));
        DueTogether.Outcome burst = new DueTogether(run).run("burst", AppMode.DELAY_CLOSE, orders,
                run.skus(DrainScenario.DEFAULT_SKUS), ceiling);
        ResultLine line = ResultLine.of("burst");
        burst.report(line, "");
        run.args().text("provider-rate").ifPresent(rate -> line.put("provider_rate", rate));
        run.args().text("provider-concurrency").ifPresent(concurrency -> line.put("provider_concurrency", concurrency));
        line.put("latency_ms", run.provider().latency().toMillis());
        return new Outcome(line, burst.lost());
    }
}
