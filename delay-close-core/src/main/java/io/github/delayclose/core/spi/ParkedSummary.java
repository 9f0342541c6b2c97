package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The parked orders at a glance.
 *
 * @param byReason how many are parked, by reason
 * @param oldestParkedAt when the longest-parked one was parked, or {@code null} when none is
 */
public record ParkedSummary(Map<String, Long> byReason, @Nullable Instant oldestParkedAt) {

    /** Nothing parked. */
    public static final ParkedSummary NONE = new ParkedSummary(Map.of(), null);

    public ParkedSummary {
        byReason = Map.copyOf(Objects.requireNonNull(byReason, "byReason"));
    }

    /** How many are parked in all. */
    public long total() {
        return byReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
