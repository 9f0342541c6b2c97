package io.github.delayclose.core.listen;

import java.time.Duration;
import java.util.Objects;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.TimeoutOutcome;
import org.jspecify.annotations.Nullable;

/**
 * How handling one order's timeout message ended, once its outcome is durable.
 *
 * @param orderId the order
 * @param outcome the outcome, or {@code null} when the attempt failed
 * @param failure why it failed, or why it was parked
 * @param next what happens to the order next
 * @param attempts attempts made so far, this one included
 * @param duration from the message's receipt to its durable outcome
 * @param lateness from the order's deadline to its close (or to finding it paid), when the deadline is known
 */
public record FinishedClose(String orderId, @Nullable TimeoutOutcome outcome, @Nullable FailureReason failure,
        FollowUp next, int attempts, Duration duration, @Nullable Duration lateness) {

    /** The outcome's name for logs and traces: the {@link TimeoutOutcome}, or {@code FAILED}. */
    public static final String FAILED = "FAILED";

    public FinishedClose {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(duration, "duration");
        if (outcome == null && failure == null) {
            throw new IllegalArgumentException("a close without an outcome failed, and says why");
        }
    }

    /** The outcome's name, or {@value #FAILED}. */
    public String outcomeName() {
        return outcome == null ? FAILED : outcome.name();
    }
}
