package io.github.delayclose.bench.scenario;

import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code mixed}: orders with random payment windows of 1 to 60 s, created at 2,000 a second;
 * lateness p50/p99 and the rate {@code schedule} sustains. delay-close has one window for every
 * order ({@code delay-close.timeout}); until {@code schedule} takes a per-order deadline, this
 * scenario says so instead of measuring something else.
 */
final class MixedScenario implements Scenario {

    @Override
    public Outcome run(BenchRun run) {
        return new Outcome(ResultLine.of("mixed").put("unsupported", "per-order-deadlines"), 0);
    }
}
