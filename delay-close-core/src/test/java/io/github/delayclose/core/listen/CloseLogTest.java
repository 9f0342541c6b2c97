package io.github.delayclose.core.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.TimeoutOutcome;
import org.junit.jupiter.api.Test;

/** The close log's line: key=value, with what an operator searches for, and nothing that breaks its form. */
class CloseLogTest {

    @Test
    void aClosedOrderSaysHowLongItTookAndHowLateItWas() {
        FinishedClose closed = new FinishedClose("o123", TimeoutOutcome.CLOSED, null, FollowUp.NONE, 1,
                Duration.ofMillis(42), Duration.ofMillis(310));

        assertThat(CloseLog.line(closed)).isEqualTo("order=o123 outcome=CLOSED attempts=1 duration_ms=42 lateness_ms=310");
    }

    @Test
    void aFailedAttemptSaysWhyAndWhatHappensNext() {
        FinishedClose failed = new FinishedClose("o124", null, FailureReason.PROVIDER_ERROR, FollowUp.RETRY, 2,
                Duration.ofMillis(8007), null);

        assertThat(CloseLog.line(failed))
                .isEqualTo("order=o124 outcome=FAILED reason=PROVIDER_ERROR next=retry attempts=2 duration_ms=8007");
    }

    @Test
    void aPayerStillPayingAfterEveryRecheckIsParked() {
        FinishedClose parked = new FinishedClose("o125", TimeoutOutcome.STILL_PAYING, FailureReason.STILL_PAYING,
                FollowUp.PARK, 1, Duration.ofMillis(35), null);

        assertThat(CloseLog.line(parked))
                .isEqualTo("order=o125 outcome=STILL_PAYING reason=STILL_PAYING next=park attempts=1 duration_ms=35");
    }

    @Test
    void anOrderIdThatWouldBreakTheLineIsQuoted() {
        FinishedClose odd = new FinishedClose("a b=\"c\"", TimeoutOutcome.ALREADY_FINAL, null, FollowUp.NONE, 1,
                Duration.ZERO, null);

        assertThat(CloseLog.line(odd)).startsWith("order=\"a b=\\\"c\\\"\" outcome=ALREADY_FINAL");
    }
}
