package io.github.delayclose.bench.report;

import java.util.Arrays;

/**
 * When closes stopped and started again around a fault, from the time of every close. With orders
 * falling due many times a second, the longest pause between two closes is the time nothing could
 * close them: the listener had no queue or connection, or no message reached its queue.
 */
public final class CloseGaps {

    private final long[] closes;

    private CloseGaps(long[] sorted) {
        this.closes = sorted;
    }

    /** @param closeTimes epoch milliseconds, in any order */
    public static CloseGaps of(long[] closeTimes) {
        long[] sorted = closeTimes.clone();
        Arrays.sort(sorted);
        return new CloseGaps(sorted);
    }

    /**
     * The longest pause between consecutive closes that ends within {@code [from, to]}, counting
     * the last close before {@code from} as its possible start.
     *
     * @return the pause, or {@code null} when no close ended one there
     */
    public Gap longest(long from, long to) {
        Gap longest = null;
        for (int i = 1; i < closes.length; i++) {
            long end = closes[i];
            if (end < from || end > to) {
                continue;
            }
            Gap gap = new Gap(closes[i - 1], end);
            if (longest == null || gap.millis() > longest.millis()) {
                longest = gap;
            }
        }
        return longest;
    }

    /**
     * How long after {@code availableAt} (when closing could start again) the closes resumed, for a
     * fault between {@code from} and {@code to}: the end of the longest pause minus the later of its
     * start and {@code availableAt}; 0 when the closes resumed before then.
     */
    public long recoveryMillis(long from, long to, long availableAt) {
        Gap gap = longest(from, to);
        if (gap == null) {
            return 0;
        }
        return Math.max(0, gap.end() - Math.max(gap.start(), availableAt));
    }

    /** @param start the close before the pause; {@code end} the first one after it */
    public record Gap(long start, long end) {

        public long millis() {
            return end - start;
        }
    }
}
