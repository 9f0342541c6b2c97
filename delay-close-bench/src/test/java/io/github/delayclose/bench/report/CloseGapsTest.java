package io.github.delayclose.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CloseGapsTest {

    @Test
    void theLongestPauseEndingInTheSpanCountsFromTheLastCloseBeforeIt() {
        CloseGaps gaps = CloseGaps.of(new long[] { 1_300, 1_000, 1_100, 1_200, 9_000, 9_100 });

        assertThat(gaps.longest(1_250, 10_000)).isEqualTo(new CloseGaps.Gap(1_300, 9_000));
    }

    @Test
    void closesThatResumeOnlyAfterTheNodeIsBackRecoverFromItsReturn() {
        CloseGaps gaps = CloseGaps.of(new long[] { 1_000, 1_100, 20_500, 20_600 });

        // Killed at 1,050, back at 17,000: the closes resumed 3.5 s after the node was.
        assertThat(gaps.recoveryMillis(1_050, 30_000, 17_000)).isEqualTo(3_500);
    }

    @Test
    void aPauseAfterTheKillCountsInFullWhenClosingCouldGoOnAtOnce() {
        CloseGaps gaps = CloseGaps.of(new long[] { 1_000, 1_100, 2_900, 3_000 });

        assertThat(gaps.recoveryMillis(1_050, 30_000, 1_050)).isEqualTo(1_800);
    }

    @Test
    void closesThatResumedBeforeTheyCouldHaveStoppedNothing() {
        CloseGaps gaps = CloseGaps.of(new long[] { 1_000, 1_040, 1_080 });

        assertThat(gaps.recoveryMillis(1_050, 30_000, 5_000)).isZero();
        assertThat(CloseGaps.of(new long[0]).recoveryMillis(0, 10, 0)).isZero();
    }
}
