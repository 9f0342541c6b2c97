package io.github.delayclose.core.close;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How handling one timeout message ended, when it did not fail.
 *
 * @param outcome what happened
 * @param dueAt the order's deadline, when known; always known for {@link TimeoutOutcome#NOT_YET_DUE}, so
 *     the message can wait for it, and otherwise read to tell how late the order closed
 */
public record TimeoutResult(TimeoutOutcome outcome, @Nullable Instant dueAt) {

    public TimeoutResult {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == TimeoutOutcome.NOT_YET_DUE && dueAt == null) {
            throw new IllegalArgumentException("NOT_YET_DUE needs the deadline to wait for");
        }
    }

    static TimeoutResult of(TimeoutOutcome outcome) {
        return new TimeoutResult(outcome, null);
    }

    static TimeoutResult of(TimeoutOutcome outcome, @Nullable Instant deadline) {
        return new TimeoutResult(outcome, deadline);
    }

    static TimeoutResult notYetDue(Instant deadline) {
        return new TimeoutResult(TimeoutOutcome.NOT_YET_DUE, deadline);
    }
}
