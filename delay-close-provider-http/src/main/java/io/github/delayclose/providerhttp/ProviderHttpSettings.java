package io.github.delayclose.providerhttp;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits every call of one provider's {@link ProviderHttpClient} runs under. Immutable and
 * checked on construction.
 *
 * @param connectTimeout how long to wait for a connection (TCP, and TLS for https); the call
 *     timeout bounds it too, so a connect timeout longer than the call timeout has no effect
 * @param callTimeout the deadline of the whole call: connecting, sending the request, waiting for the
 *     answer and reading all of it. A provider that answers slowly, or drips its answer byte by byte,
 *     cannot hold a call longer than this
 * @param maxAnswerBytes the largest answer body accepted, in bytes; reading stops and the call fails
 *     as soon as an answer is longer, so a huge answer costs at most this much memory
 */
public record ProviderHttpSettings(Duration connectTimeout, Duration callTimeout, int maxAnswerBytes) {

    public ProviderHttpSettings {
        requireMillis(connectTimeout, "connectTimeout");
        requireMillis(callTimeout, "callTimeout");
        if (maxAnswerBytes < 1) {
            throw new IllegalArgumentException("maxAnswerBytes must be at least 1, was " + maxAnswerBytes);
        }
    }

    private static void requireMillis(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        // Below a millisecond nothing can be sent; the upper bound keeps every timer's arithmetic in range.
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be between 1ms and " + Integer.MAX_VALUE + "ms, was "
                    + timeout);
        }
    }
}
