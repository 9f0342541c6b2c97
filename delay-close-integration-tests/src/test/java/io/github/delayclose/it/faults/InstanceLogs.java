package io.github.delayclose.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the logs of every instance that ran (killed ones included) say: the close log lines
 * ({@code io.github.delayclose.closes}, one per close, {@code next=park} when it parked) and the
 * sweep's warnings.
 */
final class InstanceLogs {

    private static final Pattern PARKED = Pattern.compile("io\\.github\\.delayclose\\.closes - order=(\\S+) .*next=park\\b");

    private static final Pattern SWEPT = Pattern.compile("Sweep found (\\d+) unpaid order");

    private static final Pattern REDRIVEN = Pattern.compile("Sweep found (\\d+) order\\(s\\) whose retry");

    private final List<Path> logs;

    InstanceLogs(List<Path> logs) {
        this.logs = List.copyOf(logs);
    }

    /** How many closes parked each order. */
    Map<String, Integer> parkDecisions() {
        Map<String, Integer> parked = new HashMap<>();
        forEachLine(line -> {
            Matcher matcher = PARKED.matcher(line);
            if (matcher.find()) {
                parked.merge(matcher.group(1), 1, Integer::sum);
            }
        });
        return parked;
    }

    /** Orders the sweep sent because their message was lost (or never published). */
    int sweptAsLost() {
        return sum(SWEPT);
    }

    /** Orders whose retry or re-check copy the sweep's watchdog sent again. */
    int redriven() {
        return sum(REDRIVEN);
    }

    private int sum(Pattern pattern) {
        int[] total = new int[1];
        forEachLine(line -> {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                total[0] += Integer.parseInt(matcher.group(1));
            }
        });
        return total[0];
    }

    private void forEachLine(Consumer<String> action) {
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.forEach(action);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("could not read " + log, ex);
            }
        }
    }
}
