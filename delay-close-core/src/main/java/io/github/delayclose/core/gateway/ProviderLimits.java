package io.github.delayclose.core.gateway;

/**
 * Ceilings on the calls delay-close makes to one payment provider, so that a burst of expiring
 * orders queues in delay-close instead of tripping the provider's rate limits.
 *
 * @param maxCallsPerSecond the most calls started in any second; 0 for no ceiling
 * @param maxConcurrentCalls the most calls under way at once; 0 for no ceiling
 */
public record ProviderLimits(int maxCallsPerSecond, int maxConcurrentCalls) {

    /** No ceiling at all. */
    public static final ProviderLimits NONE = new ProviderLimits(0, 0);

    public ProviderLimits {
        if (maxCallsPerSecond < 0 || maxConcurrentCalls < 0) {
            throw new IllegalArgumentException("provider limits must not be negative, but were " + maxCallsPerSecond
                    + " calls/s and " + maxConcurrentCalls + " concurrent calls");
        }
    }

    /** Whether any ceiling is set. */
    public boolean limitsAnything() {
        return maxCallsPerSecond > 0 || maxConcurrentCalls > 0;
    }
}
