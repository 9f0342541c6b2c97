package io.github.delayclose.bench.report;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenessWindowsTest {

    private static final long START = 1_000_000;

    @Test
    void groupsOrdersByTheWindowOfTheirDeadline() {
        LatenessWindows lateness = new LatenessWindows(START, Duration.ofSeconds(10));
        lateness.add(START + 1_000, START + 1_050);    // window 1, 50 ms late
        lateness.add(START + 9_999, START + 10_069);   // window 1, 70 ms late
        lateness.add(START + 10_000, START + 10_200);  // window 2, 200 ms late

        assertThat(lateness.windows()).extracting(LatenessWindows.Window::number).containsExactly(1, 2);
        assertThat(lateness.windows().get(0).p99()).isEqualTo(70);
        assertThat(lateness.windows().get(1).p50()).isEqualTo(200);
        assertThat(lateness.overall().percentile(50)).isEqualTo(70);
    }

    @Test
    void theBacklogGrewWhenAWindowIsLaterThanTheOneBeforeByMoreThanTheTolerance() {
        LatenessWindows steady = new LatenessWindows(START, Duration.ofSeconds(10));
        steady.add(START, START + 100);
        steady.add(START + 10_000, START + 10_150);
        steady.add(START + 20_000, START + 20_090);

        LatenessWindows falling = new LatenessWindows(START, Duration.ofSeconds(10));
        falling.add(START, START + 100);
        falling.add(START + 10_000, START + 10_100 + 101);

        assertThat(steady.grew(Duration.ofMillis(100))).isFalse();
        assertThat(falling.grew(Duration.ofMillis(100))).isTrue();
        assertThat(steady.grew(Duration.ZERO)).isTrue();
    }
}
