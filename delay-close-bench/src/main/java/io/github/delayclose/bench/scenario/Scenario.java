package io.github.delayclose.bench.scenario;

import io.github.delayclose.bench.report.ResultLine;

/** One kind of measurement that {@code bench/run NAME} runs. */
public interface Scenario {

    /**
     * Runs it; the caller appends {@code lost} and {@code load1} to the line and prints it.
     *
     * @return the figures, and how many orders did not end exactly once
     */
    Outcome run(BenchRun run);

    /** @param lost orders that did not end exactly once (for scenarios that close none: messages missing) */
    record Outcome(ResultLine line, long lost) {
    }
}
