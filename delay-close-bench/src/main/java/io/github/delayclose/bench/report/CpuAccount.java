package io.github.delayclose.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a phase's CPU went: the CPU time each process of the set-up used between two readings of
 * {@code /proc/<pid>/stat}. On a 2-core machine every process shares the same two cores, so a close
 * rate is bounded by the sum of these per close; the figures say which process to make cheaper.
 * Where there is no {@code /proc} (not Linux) every reading is empty and nothing is reported.
 */
public final class CpuAccount {

    /** Linux reports utime and stime in clock ticks; USER_HZ is 100 on every mainstream kernel. */
    private static final double MILLIS_PER_TICK = 10.0;

    private final Map<String, Long> pids;
    private final Map<String, Long> startTicks;

    private CpuAccount(Map<String, Long> pids) {
        this.pids = pids;
        this.startTicks = read(pids);
    }

    /**
     * Starts counting for the named processes; a process given as 0 or not found is left out.
     *
     * @param pids process ids by the short name that goes into result keys
     */
    public static CpuAccount start(Map<String, Long> pids) {
        Map<String, Long> known = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (pid > 0) {
                known.put(name, pid);
            }
        });
        return new CpuAccount(known);
    }

    /** The id of the first running process whose command name is {@code name}, or 0. */
    public static long pidOf(String... names) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command()
                        .map(command -> Path.of(command).getFileName().toString())
                        .filter(command -> Arrays.asList(names).contains(command))
                        .isPresent())
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(0);
    }

    /**
     * Milliseconds of CPU each process used since {@link #start}, divided by {@code closes}, in the
     * order the processes were given, followed by their sum under {@code total}; empty when nothing
     * could be read.
     */
    public Map<String, Double> perClose(int closes) {
        Map<String, Double> perClose = new LinkedHashMap<>();
        if (closes <= 0 || startTicks.isEmpty()) {
            return perClose;
        }
        Map<String, Long> now = read(pids);
        double total = 0;
        for (Map.Entry<String, Long> start : startTicks.entrySet()) {
            Long end = now.get(start.getKey());
            if (end != null) {
                double ms = (end - start.getValue()) * MILLIS_PER_TICK / closes;
                perClose.put(start.getKey(), ms);
                total += ms;
            }
        }
        perClose.put("total", total);
        return perClose;
    }

    /** Puts each figure of {@link #perClose} as {@code <prefix>cpu_ms_per_close_<name>}. */
    public static void report(Map<String, Double> perClose, ResultLine line, String prefix) {
        perClose.forEach((name, ms) -> line.put(prefix + "cpu_ms_per_close_" + name, ms));
    }

    private static Map<String, Long> read(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ticksOf(pid).ifPresent(value -> ticks.put(name, value)));
        return ticks;
    }

    /** utime + stime of a process, fields 14 and 15 of its stat line (after the command in parentheses). */
    static Optional<Long> ticksOf(long pid) {
        try {
            return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))));
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    static long parse(String stat) {
        // The command may hold spaces and parentheses: the fields start after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
