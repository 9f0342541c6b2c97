package io.github.delayclose.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1-minute load average, so a figure measured on a busy machine says so on its own line. */
public final class LoadAverage {

    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

    private LoadAverage() {
    }

    /** The first field of /proc/loadavg, or "unknown" where there is none. */
    public static String oneMinute() {
        try {
            return parse(Files.readString(PROC_LOADAVG));
        }
        catch (IOException | RuntimeException ex) {
            return "unknown";
        }
    }

    static String parse(String loadavg) {
        String first = loadavg.strip().split("\\s+")[0];
        Double.parseDouble(first); // refuse anything that is not a number
        return first;
    }
}
