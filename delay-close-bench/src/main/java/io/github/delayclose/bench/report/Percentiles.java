package io.github.delayclose.bench.report;

import java.util.Arrays;

/**
 * Percentiles of a set of measurements by the nearest-rank method: the p-th percentile is the
 * smallest value that at least p % of the values do not exceed. No interpolation, so every reported
 * figure is one that was really measured.
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    public static Percentiles of(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public int count() {
        return sorted.length;
    }

    public boolean isEmpty() {
        return sorted.length == 0;
    }

    /**
     * @param percent in (0, 100]
     * @throws IllegalStateException when there are no values
     */
    public long percentile(double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percent);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long max() {
        return percentile(100);
    }

    /** How many values are below {@code bound}: for lateness, {@code countBelow(0)} counts the early ones. */
    public int countBelow(long bound) {
        int index = Arrays.binarySearch(sorted, bound);
        if (index < 0) {
            return -index - 1;
        }
        // binarySearch finds any equal value; the count ends at the first of them.
        while (index > 0 && sorted[index - 1] == bound) {
            index--;
        }
        return index;
    }
}
