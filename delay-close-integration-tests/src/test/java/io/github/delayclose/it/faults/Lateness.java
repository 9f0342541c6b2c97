package io.github.delayclose.it.faults;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.delayclose.bench.report.Percentiles;

/**
 * How late delay-close ended the orders whose end is its close (closed, or found paid), from each
 * order's deadline to the commit of its status change, split by whether a fault was on at any time
 * between the order's creation and a second after its deadline.
 *
 * @param outside orders that met no fault
 * @param during orders that met one
 * @param beyondGrace orders that ended later than deadline + grace (the sweep's, or a fault's)
 */
record Lateness(Percentiles outside, Percentiles during, int beyondGrace) {

    /** How long after its deadline an order counts as still meeting a fault that was on then. */
    private static final long SETTLE_MILLIS = 1000;

    /**
     * @param endTimes epoch millisecond each order's status first changed
     * @param start epoch millisecond the fault windows count from
     */
    static Lateness of(Collection<FaultOrder> orders, Map<String, Long> endTimes, long start, List<FaultWindow> faults,
            long graceMillis) {
        long[] outside = new long[orders.size()];
        long[] during = new long[orders.size()];
        int outsideCount = 0;
        int duringCount = 0;
        int beyondGrace = 0;
        for (FaultOrder order : orders) {
            Long ended = endTimes.get(order.id());
            if (!order.kind().endedByTheClose() || ended == null) {
                continue;
            }
            long lateness = ended - order.deadline();
            if (lateness > graceMillis) {
                beyondGrace++;
            }
            long from = order.createdAt() - start;
            long to = order.deadline() + SETTLE_MILLIS - start;
            if (faults.stream().anyMatch(window -> window.overlaps(from, to))) {
                during[duringCount++] = lateness;
            }
            else {
                outside[outsideCount++] = lateness;
            }
        }
        return new Lateness(Percentiles.of(Arrays.copyOf(outside, outsideCount)),
                Percentiles.of(Arrays.copyOf(during, duringCount)), beyondGrace);
    }

    static String describe(Percentiles lateness) {
        if (lateness.isEmpty()) {
            return "n=0";
        }
        return "n=" + lateness.count() + " p50=" + lateness.percentile(50) + " p99=" + lateness.percentile(99) + " max="
                + lateness.max();
    }
}
