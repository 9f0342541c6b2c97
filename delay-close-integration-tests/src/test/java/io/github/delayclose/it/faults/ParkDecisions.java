package io.github.delayclose.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How many times each order was parked, read from the close log lines ({@code io.github.delayclose.closes})
 * of every instance that ran, killed ones included: one line per close, {@code next=park} when it parked.
 */
final class ParkDecisions {

    private static final Pattern PARKED = Pattern.compile("io\\.github\\.delayclose\\.closes - order=(\\S+) .*next=park\\b");

    private ParkDecisions() {
    }

    static Map<String, Integer> count(List<Path> logs) {
        Map<String, Integer> parked = new HashMap<>();
        for (Path log : logs) {
            try (Stream<String> lines = Files.lines(log)) {
                lines.forEach(line -> {
                    Matcher matcher = PARKED.matcher(line);
                    if (matcher.find()) {
                        parked.merge(matcher.group(1), 1, Integer::sum);
                    }
                });
            }
            catch (IOException ex) {
                throw new UncheckedIOException("could not read " + log, ex);
            }
        }
        return parked;
    }
}
