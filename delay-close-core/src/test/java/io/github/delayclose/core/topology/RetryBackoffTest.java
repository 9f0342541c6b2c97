package io.github.delayclose.core.topology;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RetryBackoffTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @Test
    void delaysGrowByTheMultiplierAndCapAtTheMaximum() {
        RetryBackoff backoff = new RetryBackoff(10, ONE_SECOND, 2.0, Duration.ofSeconds(5));

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void fractionalMultiplierGrowsProportionally() {
        RetryBackoff backoff = new RetryBackoff(4, ONE_SECOND, 1.5, Duration.ofMinutes(1));

        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(1500));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMillis(2250));
    }

    @Test
    void veryManyFailuresStayCappedInsteadOfOverflowing() {
        RetryBackoff backoff = new RetryBackoff(10, ONE_SECOND, 2.0, Duration.ofMinutes(10));

        assertThat(backoff.delayAfter(10_000)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void distinctDelaysAreTheWaitsBetweenAttemptsShortestFirst() {
        RetryBackoff backoff = new RetryBackoff(5, ONE_SECOND, 2.0, Duration.ofSeconds(5));

        assertThat(backoff.distinctDelays()).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    @Test
    void distinctDelaysCollapseRepeatedWaits() {
        assertThat(new RetryBackoff(6, ONE_SECOND, 1.0, Duration.ofSeconds(5)).distinctDelays())
                .containsExactly(ONE_SECOND);
        assertThat(new RetryBackoff(8, ONE_SECOND, 2.0, Duration.ofSeconds(2)).distinctDelays())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void singleAttemptNeedsNoRetryWait() {
        assertThat(new RetryBackoff(1, ONE_SECOND, 2.0, Duration.ofSeconds(5)).distinctDelays()).isEmpty();
    }

    @Test
    void maxAttemptsBelowOneIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(0, ONE_SECOND, 2.0, Duration.ofSeconds(5)))
                .withMessageContaining("max-attempts").withMessageContaining("0");
    }

    @Test
    void initialIntervalBelowOneMillisecondIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(3, Duration.ZERO, 2.0, Duration.ofSeconds(5)))
                .withMessageContaining("initial-interval");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(3, Duration.ofSeconds(-1), 2.0, Duration.ofSeconds(5)))
                .withMessageContaining("initial-interval");
    }

    @Test
    void multiplierBelowOneIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(3, ONE_SECOND, 0.5, Duration.ofSeconds(5)))
                .withMessageContaining("multiplier").withMessageContaining("0.5");
    }

    @Test
    void notANumberMultiplierIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(3, ONE_SECOND, Double.NaN, Duration.ofSeconds(5)))
                .withMessageContaining("multiplier");
    }

    @Test
    void maxIntervalShorterThanInitialIntervalIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(3, Duration.ofSeconds(10), 2.0, Duration.ofSeconds(5)))
                .withMessageContaining("max-interval").withMessageContaining("initial-interval");
    }

    @Test
    void maxIntervalBeyondRabbitMqsLargestTtlIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(3, ONE_SECOND, 2.0, Duration.ofMillis(Integer.MAX_VALUE + 1L)))
                .withMessageContaining("max-interval");
        assertThat(new RetryBackoff(3, ONE_SECOND, 2.0, Duration.ofMillis(Integer.MAX_VALUE)).maxInterval())
                .isEqualTo(Duration.ofMillis(Integer.MAX_VALUE));
    }

    @Test
    void missingIntervalsAreNamed() {
        assertThatNullPointerException()
                .isThrownBy(() -> new RetryBackoff(3, null, 2.0, Duration.ofSeconds(5)))
                .withMessageContaining("initialInterval");
        assertThatNullPointerException()
                .isThrownBy(() -> new RetryBackoff(3, ONE_SECOND, 2.0, null))
                .withMessageContaining("maxInterval");
    }
}
