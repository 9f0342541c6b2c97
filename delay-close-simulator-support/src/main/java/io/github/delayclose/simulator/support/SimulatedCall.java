package io.github.delayclose.simulator.support;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One call a simulator received.
 *
 * @param method the HTTP method
 * @param path the path, with its query ({@code /v3/pay/transactions/out-trade-no/42?mchid=1900})
 * @param headers the headers, names in lower case, first value of each
 * @param body the body as UTF-8
 */
public record SimulatedCall(String method, String path, Map<String, String> headers, String body) {

    public SimulatedCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** A header's first value; the name is case-insensitive. */
    public @Nullable String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
