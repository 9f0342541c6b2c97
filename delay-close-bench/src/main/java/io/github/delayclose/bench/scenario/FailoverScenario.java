package io.github.delayclose.bench.scenario;

import java.util.Locale;

import io.github.delayclose.bench.report.ResultLine;

/**
 * {@code failover}: closes continuing while a node of a 3-node RabbitMQ cluster of its own goes
 * down, with {@code --queue-type=quorum|classic}. Not implemented yet; the line says so.
 */
final class FailoverScenario implements Scenario {

    @Override
    public Outcome run(BenchRun run) {
        String queueType = run.args().text("queue-type", "quorum").toLowerCase(Locale.ROOT);
        if (!queueType.equals("quorum") && !queueType.equals("classic")) {
            throw new IllegalArgumentException("--queue-type must be quorum or classic, got " + queueType);
        }
        return new Outcome(ResultLine.of("failover").put("queue_type", queueType)
                .put("unsupported", "not-implemented-yet"), 0);
    }
}
