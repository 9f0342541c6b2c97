package io.github.delayclose.bench.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lateness (deadline to close) of a steady run, overall and per window of deadlines, and whether
 * the closer fell behind: a window whose p99 is later than the one before by more than a tolerance
 * means the backlog grew, because a closer that keeps up is as late at the end as at the start.
 */
public final class LatenessWindows {

    private final long runStartMillis;
    private final long windowMillis;
    private final Map<Integer, List<Long>> byWindow = new TreeMap<>();
    private final List<Long> all = new ArrayList<>();

    /**
     * @param runStartMillis the epoch millisecond the first window starts at
     * @param window the width of a window of deadlines
     */
    public LatenessWindows(long runStartMillis, Duration window) {
        if (window.toMillis() <= 0) {
            throw new IllegalArgumentException("window must be at least 1 ms: " + window);
        }
        this.runStartMillis = runStartMillis;
        this.windowMillis = window.toMillis();
    }

    /** Records one order that closed {@code closedMillis} after being due at {@code deadlineMillis}. */
    public void add(long deadlineMillis, long closedMillis) {
        long lateness = closedMillis - deadlineMillis;
        int window = (int) Math.max(0, (deadlineMillis - runStartMillis) / windowMillis);
        byWindow.computeIfAbsent(window, key -> new ArrayList<>()).add(lateness);
        all.add(lateness);
    }

    public Percentiles overall() {
        return Percentiles.of(toArray(all));
    }

    /** The windows in time order; the first is window 1. Windows without a closed order are left out. */
    public List<Window> windows() {
        List<Window> windows = new ArrayList<>();
        byWindow.forEach((index, values) -> windows.add(new Window(index + 1, Percentiles.of(toArray(values)))));
        return windows;
    }

    /** Whether some window's p99 exceeds the previous window's by more than {@code tolerance}. */
    public boolean grew(Duration tolerance) {
        List<Window> windows = windows();
        for (int i = 1; i < windows.size(); i++) {
            if (windows.get(i).p99() - windows.get(i - 1).p99() > tolerance.toMillis()) {
                return true;
            }
        }
        return false;
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** One window of deadlines. */
    public record Window(int number, Percentiles lateness) {

        public long p50() {
            return lateness.percentile(50);
        }

        public long p99() {
            return lateness.percentile(99);
        }
    }
}
