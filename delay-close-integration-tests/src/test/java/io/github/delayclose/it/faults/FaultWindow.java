package io.github.delayclose.it.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * When a fault is on, in milliseconds from the start of the run's orders.
 *
 * @param from when it begins
 * @param to when it is healed
 */
record FaultWindow(Fault fault, long from, long to) {

    /**
     * One window per {@link Fault}, spread over the middle 80 % of {@code spanMillis} (the time
     * orders are created in), each at most {@code longest} long and never more than half of its
     * share, so orders created and due between two windows see no fault at all.
     */
    static List<FaultWindow> spreadOver(long spanMillis, long longest) {
        Fault[] faults = Fault.values();
        long share = spanMillis * 8 / 10 / faults.length;
        long length = Math.min(longest, share / 2);
        List<FaultWindow> windows = new ArrayList<>();
        for (int i = 0; i < faults.length; i++) {
            long from = spanMillis / 10 + i * share;
            windows.add(new FaultWindow(faults[i], from, from + length));
        }
        return windows;
    }

    /** Whether the fault was on at any time between {@code fromMillis} and {@code toMillis}. */
    boolean overlaps(long fromMillis, long toMillis) {
        return fromMillis <= to && toMillis >= from;
    }
}
