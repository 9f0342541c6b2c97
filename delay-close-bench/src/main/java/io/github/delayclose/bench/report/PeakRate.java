package io.github.delayclose.bench.report;

import java.util.Arrays;

/** The most events that fell into any one-second window (sliding, not aligned to clock seconds). */
public final class PeakRate {

    private PeakRate() {
    }

    /** @param epochMillis event times, in any order */
    public static int perSecond(long[] epochMillis) {
        long[] times = epochMillis.clone();
        Arrays.sort(times);
        int peak = 0;
        int first = 0;
        for (int last = 0; last < times.length; last++) {
            while (times[last] - times[first] >= 1000) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }
}
