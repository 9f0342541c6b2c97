package io.github.delayclose.simulator.support;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a simulator answers to one call, before the server sends it.
 *
 * @param status the HTTP status
 * @param contentType the body's media type
 * @param headers further headers (signature headers, say)
 * @param body the body; empty for none
 * @param delay how long to hold the answer back, for timeout tests
 */
public record SimulatedAnswer(int status, String contentType, Map<String, String> headers, String body,
        Duration delay) {

    public SimulatedAnswer {
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(delay, "delay");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }

    /** A JSON answer sent at once. */
    public static SimulatedAnswer json(int status, Map<String, String> headers, String body) {
        return new SimulatedAnswer(status, "application/json; charset=utf-8", headers, body, Duration.ZERO);
    }

    /** The same answer, held back for {@code delay}. */
    public SimulatedAnswer delayedBy(Duration delay) {
        return new SimulatedAnswer(status, contentType, headers, body, delay);
    }

    /** The same answer with another body, headers kept. */
    public SimulatedAnswer withBody(String body) {
        return new SimulatedAnswer(status, contentType, headers, body, delay);
    }
}
