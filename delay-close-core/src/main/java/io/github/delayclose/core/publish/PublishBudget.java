package io.github.delayclose.core.publish;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a message the broker refuses is tried again: long enough to ride out a quorum leader
 * election or a node restart (tens of seconds), with waits that grow from {@code firstBackoff} to
 * {@code maxBackoff}. Only after the budget is a publish given up.
 *
 * @param total how long, from the first attempt, a message is tried
 * @param firstBackoff the wait after the first failed attempt
 * @param maxBackoff the longest wait between attempts
 */
public record PublishBudget(Duration total, Duration firstBackoff, Duration maxBackoff) {

    public PublishBudget {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (total.isNegative() || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("a publish budget needs total >= 0 and maxBackoff >= firstBackoff >= 0, "
                    + "but was " + total + ", " + firstBackoff + ", " + maxBackoff);
        }
    }

    /** The wait after a failed attempt that followed a wait of {@code previous} ({@code null}: the first). */
    public Duration backoffAfter(Duration previous) {
        if (previous == null) {
            return firstBackoff;
        }
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
    }
}
