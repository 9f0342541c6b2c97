package io.github.delayclose.core.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Exponential backoff between attempts to handle one timeout message.
 *
 * @param maxAttempts attempts in all, including the first; the message is parked after the last
 * @param initialInterval the wait before the second attempt
 * @param multiplier by how much each wait grows
 * @param maxInterval the longest wait
 */
public record RetryBackoff(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval) {

    public RetryBackoff {
        Objects.requireNonNull(initialInterval, "initialInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry max-attempts must be at least 1, but was " + maxAttempts);
        }
        if (initialInterval.toMillis() < 1) {
            throw new IllegalArgumentException("retry initial-interval must be at least 1ms, but was " + initialInterval);
        }
        if (!Double.isFinite(multiplier) || multiplier < 1.0) {
            throw new IllegalArgumentException("retry multiplier must be at least 1.0, but was " + multiplier);
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException("retry max-interval (" + maxInterval
                    + ") must not be shorter than initial-interval (" + initialInterval + ")");
        }
        if (maxInterval.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("retry max-interval must be at most " + Duration.ofMillis(Integer.MAX_VALUE)
                    + " (RabbitMQ's largest message TTL), but was " + maxInterval);
        }
    }

    /**
     * The wait after the given number of failed attempts.
     *
     * @param failedAttempts 1 for the wait after the first failure
     */
    public Duration delayAfter(int failedAttempts) {
        double millis = initialInterval.toMillis() * Math.pow(multiplier, failedAttempts - 1);
        return Duration.ofMillis((long) Math.min(millis, maxInterval.toMillis()));
    }

    /** Every distinct wait this backoff uses, shortest first. */
    public List<Duration> distinctDelays() {
        List<Duration> delays = new ArrayList<>();
        for (int failed = 1; failed < maxAttempts; failed++) {
            Duration delay = delayAfter(failed);
            if (!delays.contains(delay)) {
                delays.add(delay);
            }
        }
        return delays;
    }
}
