package io.github.delayclose.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeakRateTest {

    @Test
    void countsTheBusiestSecondWhereverItStarts() {
        // 3 events in [1500, 2499], straddling the clock second at 2000.
        long[] times = { 2400, 100, 1500, 1999, 2600, 5000 };

        assertThat(PeakRate.perSecond(times)).isEqualTo(3);
    }

    @Test
    void eventsExactlyOneSecondApartAreInDifferentWindows() {
        assertThat(PeakRate.perSecond(new long[] { 0, 1000, 2000 })).isEqualTo(1);
        assertThat(PeakRate.perSecond(new long[0])).isZero();
    }
}
