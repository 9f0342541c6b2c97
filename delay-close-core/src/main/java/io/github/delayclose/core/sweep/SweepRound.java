package io.github.delayclose.core.sweep;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What one round of the sweep found.
 *
 * @param at when the round ran
 * @param lost overdue orders whose message was lost, sent again
 * @param stalled waiting orders whose copy did not come back in time, re-driven
 * @param behind whether the timeout queue was behind, so the round sent nothing
 * @param oldestOverdue the deadline or due time of the oldest order the round found late, if any
 */
public record SweepRound(Instant at, int lost, int stalled, boolean behind, @Nullable Instant oldestOverdue) {

    public SweepRound {
        Objects.requireNonNull(at, "at");
    }

    /** Whether orders are closing late: some were found overdue, or the closes are behind. */
    public boolean lagging() {
        return behind || lost > 0 || stalled > 0;
    }
}
