package io.github.delayclose.bench;

import java.util.List;

import io.github.delayclose.bench.cli.BenchArgs;
import io.github.delayclose.bench.report.LoadAverage;
import io.github.delayclose.bench.report.ResultLine;
import io.github.delayclose.bench.scenario.BenchRun;
import io.github.delayclose.bench.scenario.Scenario;
import io.github.delayclose.bench.scenario.Scenarios;

/**
 * The driver behind {@code bench/run}: parses the command line, runs one scenario, removes what it
 * created, and prints the RESULT line last. Exit status 0 when the scenario ran, 1 when it failed,
 * 2 for a bad command line.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(Usage.text());
            return;
        }
        BenchArgs parsed;
        Scenario scenario;
        try {
            parsed = BenchArgs.parse(arguments, Usage.keys());
            scenario = Scenarios.named(parsed.scenario()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown scenario '" + arguments.get(0) + "' (bench/run --help lists them)"));
        }
        catch (IllegalArgumentException ex) {
            System.err.println("bench: " + ex.getMessage());
            System.exit(2);
            return;
        }
        ResultLine line;
        int status = 0;
        try (BenchRun run = new BenchRun(parsed)) {
            Scenario.Outcome outcome = scenario.run(run);
            line = outcome.line().put("lost", outcome.lost());
        }
        catch (RuntimeException ex) {
            System.err.println("bench: " + parsed.scenario() + " failed:");
            ex.printStackTrace();
            line = ResultLine.of(parsed.scenario()).put("error", ex.getClass().getSimpleName()).put("lost", -1);
            status = 1;
        }
        System.out.println(line.put("load1", LoadAverage.oneMinute()).format());
        System.exit(status);
    }
}
