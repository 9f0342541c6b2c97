package io.github.delayclose.core.sweep;

import java.time.Duration;
import java.util.Objects;

/**
 * How the safety-net sweep looks for overdue orders.
 *
 * @param grace how long past its timeout an unpaid order must be before the sweep sends it
 * @param lookback how much further back the first sweep after start-up looks
 * @param batchSize the most orders read and sent in one transaction
 */
public record SweepSettings(Duration grace, Duration lookback, int batchSize) {

    public SweepSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(lookback, "lookback");
        if (grace.isNegative() || lookback.isNegative()) {
            throw new IllegalArgumentException("sweep grace and lookback must not be negative, but were " + grace
                    + " and " + lookback);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("sweep batch-size must be at least 1, but was " + batchSize);
        }
    }
}
