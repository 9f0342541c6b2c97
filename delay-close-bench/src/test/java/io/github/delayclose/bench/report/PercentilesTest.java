package io.github.delayclose.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PercentilesTest {

    @Test
    void nearestRankOfAHundredValues() {
        long[] values = new long[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 - i; // unsorted on purpose: 100, 99, ... 1
        }
        Percentiles percentiles = Percentiles.of(values);

        assertThat(percentiles.percentile(50)).isEqualTo(50);
        assertThat(percentiles.percentile(99)).isEqualTo(99);
        assertThat(percentiles.percentile(99.5)).isEqualTo(100);
        assertThat(percentiles.max()).isEqualTo(100);
        assertThat(percentiles.count()).isEqualTo(100);
    }

    @Test
    void smallSetsReportAMeasuredValueNeverAnInterpolatedOne() {
        Percentiles percentiles = Percentiles.of(new long[] { 10, 40, 20 });

        assertThat(percentiles.percentile(50)).isEqualTo(20);
        assertThat(percentiles.percentile(99)).isEqualTo(40);
        assertThat(percentiles.percentile(1)).isEqualTo(10);
        assertThat(Percentiles.of(new long[] { 7 }).percentile(99)).isEqualTo(7);
    }

    @Test
    void doesNotSortTheCallersArray() {
        long[] values = { 3, 1, 2 };
        Percentiles.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void refusesEmptySetsAndImpossiblePercentiles() {
        assertThat(Percentiles.of(new long[0]).isEmpty()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> Percentiles.of(new long[0]).percentile(50));
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(new long[] { 1 }).percentile(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Percentiles.of(new long[] { 1 }).percentile(101));
    }

    @Test
    void countsTheValuesBelowABoundSuchAsEarlyCloses() {
        Percentiles lateness = Percentiles.of(new long[] { 5, -3, 0, -1, 0, 12 });

        assertThat(lateness.countBelow(0)).isEqualTo(2);
        assertThat(lateness.countBelow(1)).isEqualTo(4);
        assertThat(lateness.countBelow(-3)).isZero();
        assertThat(lateness.countBelow(100)).isEqualTo(6);
        assertThat(Percentiles.of(new long[0]).countBelow(0)).isZero();
    }
}
