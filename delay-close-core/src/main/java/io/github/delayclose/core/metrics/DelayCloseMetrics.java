package io.github.delayclose.core.metrics;

import java.time.Duration;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeState;
import org.jspecify.annotations.Nullable;

/**
 * What delay-close counts and times. {@link MicrometerDelayCloseMetrics} records it on a Micrometer
 * registry (the README lists every meter); {@link #none()} records nothing, for applications without
 * Micrometer.
 */
public interface DelayCloseMetrics {

    /** Metrics that record nothing. */
    static DelayCloseMetrics none() {
        return NoDelayCloseMetrics.INSTANCE;
    }

    /** A timeout message was handled and ended with this outcome. */
    void outcome(TimeoutOutcome outcome);

    /** A failed attempt was sent back for a later one. */
    void retried(FailureReason reason);

    /** The payer was still paying: the message was sent back to ask again. */
    void rechecked();

    /** A timeout was given up on and parked. */
    void parked(FailureReason reason);

    /** A delay message could not be published; the sweep closes that order later. */
    void scheduleFailed();

    /** A payment arrived for an order that was closed already. */
    void latePayment();

    /** A payment of another amount than the order's was neither recorded nor closed. */
    void amountMismatch();

    /** Waiting orders whose copy was overdue were sent again straight to the timeout queue. */
    void redriven(int count);

    /** Overdue orders whose message was lost were sent again by the sweep. */
    void swept(int count);

    /** Parked orders were replayed by an operator. */
    void replayed(int count);

    /** A parked order was discarded by an operator. */
    void discarded();

    /**
     * Handling one timeout message finished: its outcome is durable.
     *
     * @param outcome the outcome, or {@code null} when the attempt failed (and was retried or parked)
     * @param duration from the message's receipt to its durable outcome
     * @param lateness from the order's deadline to its close, for orders closed or found paid whose
     *     deadline is known
     */
    void closeFinished(@Nullable TimeoutOutcome outcome, Duration duration, @Nullable Duration lateness);

    /**
     * The provider was asked for an order's trade state.
     *
     * @param answer its answer, or {@code null} when it gave no trustworthy one
     */
    void providerQueried(@Nullable TradeState answer, Duration duration);

    /**
     * The provider was asked to close an order's trade.
     *
     * @param answer its answer, or {@code null} when it gave no trustworthy one
     */
    void providerClosed(@Nullable TradeCloseResult answer, Duration duration);
}
