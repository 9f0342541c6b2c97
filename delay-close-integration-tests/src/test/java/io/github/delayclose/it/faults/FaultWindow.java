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
     * One window per {@link Fault}, spread over 20 % to 85 % of {@code spanMillis} (the time orders
     * are created in), each at most {@code longest} long and never more than half of its share, so
     * that orders created and due before, between and after the windows see no fault at all.
     */
    static List<FaultWindow> spreadOver(long spanMillis, long longest) {
        Fault[] faults = Fault.values();
        long first = spanMillis * 20 / 100;
        long share = spanMillis * 65 / 100 / faults.length;
        long length = Math.min(longest, share / 2);
        List<FaultWindow> windows = new ArrayList<>();
        for (int i = 0; i < faults.length; i++) {
            long from = first + i * share;
            windows.add(new FaultWindow(faults[i], from, from + length));
        }
        return windows;
    }

    /** This window, lasting until {@code until} if that is later. */
    FaultWindow lastingUntil(long until) {
        return new FaultWindow(fault, from, Math.max(to, until));
    }

    /** Whether the fault was on at any time between {@code fromMillis} and {@code toMillis}. */
    boolean overlaps(long fromMillis, long toMillis) {
        return fromMillis <= to && toMillis >= from;
    }
}
