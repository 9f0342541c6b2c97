package io.github.delayclose.core.close;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How handling one timeout message ended, when it did not fail.
 *
 * @param outcome what happened
 * @param dueAt for {@link TimeoutOutcome#NOT_YET_DUE}, the order's deadline
 */
public record TimeoutResult(TimeoutOutcome outcome, @Nullable Instant dueAt) {

    public TimeoutResult {
        Objects.requireNonNull(outcome, "outcome");
        if ((outcome == TimeoutOutcome.NOT_YET_DUE) != (dueAt != null)) {
            throw new IllegalArgumentException("a deadline goes with NOT_YET_DUE, and only with it");
        }
    }

    static TimeoutResult of(TimeoutOutcome outcome) {
        return new TimeoutResult(outcome, null);
    }

    static TimeoutResult notYetDue(Instant deadline) {
        return new TimeoutResult(TimeoutOutcome.NOT_YET_DUE, deadline);
    }
}
