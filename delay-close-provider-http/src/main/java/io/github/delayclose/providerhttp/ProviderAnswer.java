package io.github.delayclose.providerhttp;

import java.net.http.HttpHeaders;
import java.util.Objects;

/**
 * A complete answer with a success status (2xx), read within the call's deadline and size cap.
 *
 * @param status the HTTP status, 200 to 299
 * @param headers the answer's headers
 * @param body the whole body, decoded with the charset its {@code Content-Type} names (UTF-8 when
 *     it names none)
 */
public record ProviderAnswer(int status, HttpHeaders headers, String body) {

    public ProviderAnswer {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }
}
