package io.github.delayclose.providerhttp;

import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A call to a provider that produced no usable answer. {@link #failure()} says what went wrong; the
 * message says it in words, naming the method and address (without its query) but never the
 * request's body or headers, so it can be logged as it is.
 */
public final class ProviderHttpException extends RuntimeException {

    /** What went wrong. */
    public enum Failure {

        /** No connection could be made: refused, unknown host, TLS handshake failed, or the connect timeout passed. */
        CANNOT_CONNECT,

        /** The call timeout passed before the whole answer arrived. */
        TIMEOUT,

        /** The answer's body was longer than the size cap; reading stopped there. */
        ANSWER_TOO_LARGE,

        /** The provider answered with a status other than 2xx or 3xx; see {@link #status()}. */
        HTTP_STATUS,

        /** The provider answered with a redirect (3xx), which is never followed; see {@link #status()}. */
        REDIRECT_REFUSED,

        /** The connection broke after it was made, before the whole answer arrived. */
        CONNECTION_LOST,

        /** The calling thread was interrupted while it waited; the call was cancelled. */
        INTERRUPTED
    }

    private final Failure failure;

    private final int status;

    private final String answerBody;

    private final HttpHeaders answerHeaders;

    ProviderHttpException(Failure failure, String message, Throwable cause) {
        this(failure, message, cause, -1, null, null);
    }

    ProviderHttpException(Failure failure, String message, Throwable cause, int status, String answerBody,
            HttpHeaders answerHeaders) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.status = status;
        this.answerBody = answerBody;
        this.answerHeaders = answerHeaders;
    }

    /** What went wrong. */
    public Failure failure() {
        return failure;
    }

    /** The HTTP status, for {@link Failure#HTTP_STATUS} and {@link Failure#REDIRECT_REFUSED}. */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /**
     * The body that came with an error status or a redirect, read under the size cap; some providers
     * explain their errors there. Not part of the message, since it is the provider's text.
     */
    public Optional<String> answerBody() {
        return Optional.ofNullable(answerBody);
    }

    /**
     * The headers that came with an error status or a redirect: a provider that signs its error
     * answers (WeChat Pay v3) puts the signature there.
     */
    public Optional<HttpHeaders> answerHeaders() {
        return Optional.ofNullable(answerHeaders);
    }
}
