package io.github.delayclose.providerhttp;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.SSLHandshakeException;

import io.github.delayclose.providerhttp.ProviderHttpException.Failure;

/**
 * Turns what the JDK client produced, an answer or a throwable, into a {@link ProviderAnswer} or a
 * {@link ProviderHttpException} whose message says what happened in words. Messages name the
 * method and the address without its query, never the request's body or headers.
 */
final class ExchangeOutcome {

    private ExchangeOutcome() {
    }

    /** Completes {@code outcome} with the answer when its status is 2xx, with a failure otherwise. */
    static void settle(CompletableFuture<ProviderAnswer> outcome, HttpRequest request, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String body = new String(response.body(), charsetOf(response.headers()));
        if (status >= 200 && status < 300) {
            outcome.complete(new ProviderAnswer(status, response.headers(), body));
        }
        else if (status >= 300 && status < 400) {
            // Following it would send the signed request to wherever the answer points.
            String location = response.headers().firstValue("Location").map(ExchangeOutcome::withoutQuery)
                    .orElse("nowhere");
            outcome.completeExceptionally(new ProviderHttpException(Failure.REDIRECT_REFUSED, target(request)
                    + ": redirect refused (HTTP " + status + " to " + location + "); redirects are never followed",
                    null, status, body, response.headers()));
        }
        else {
            outcome.completeExceptionally(new ProviderHttpException(Failure.HTTP_STATUS,
                    target(request) + ": HTTP status " + status, null, status, body, response.headers()));
        }
    }

    /** The failure for a call whose deadline passed. */
    static ProviderHttpException timeout(HttpRequest request, ProviderHttpSettings settings, Throwable cause) {
        return new ProviderHttpException(Failure.TIMEOUT, target(request) + ": timeout, no complete answer after "
                + settings.callTimeout(), cause);
    }

    /** The failure for an exchange that ended with {@code thrown}. */
    static ProviderHttpException failure(HttpRequest request, Throwable thrown, ProviderHttpSettings settings) {
        Throwable failure = unwrap(thrown);
        if (has(failure, CappedBodySubscriber.AnswerTooLargeException.class)) {
            return new ProviderHttpException(Failure.ANSWER_TOO_LARGE, target(request) + ": answer larger than "
                    + settings.maxAnswerBytes() + " bytes; stopped reading it", failure);
        }
        if (has(failure, HttpConnectTimeoutException.class)) {
            return new ProviderHttpException(Failure.CANNOT_CONNECT, target(request) + ": cannot connect within "
                    + settings.connectTimeout(), failure);
        }
        if (has(failure, HttpTimeoutException.class)) {
            // The JDK's own request timeout, set to the call timeout as a second line of defence.
            return timeout(request, settings, failure);
        }
        if (has(failure, ConnectException.class) || has(failure, UnknownHostException.class)
                || has(failure, UnresolvedAddressException.class) || has(failure, SSLHandshakeException.class)) {
            return new ProviderHttpException(Failure.CANNOT_CONNECT, target(request) + ": cannot connect ("
                    + describe(failure) + ")", failure);
        }
        return new ProviderHttpException(Failure.CONNECTION_LOST, target(request)
                + ": connection lost before the whole answer arrived (" + describe(failure) + ")", failure);
    }

    /** Method and address without query or fragment, which may carry parameters. */
    static String target(HttpRequest request) {
        return request.method() + " " + withoutQuery(request.uri().toString());
    }

    private static String withoutQuery(String uri) {
        int end = uri.length();
        for (char mark : new char[] { '?', '#' }) {
            int at = uri.indexOf(mark);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return uri.substring(0, end);
    }

    static Charset charsetOf(HttpHeaders headers) {
        return headers.firstValue("Content-Type").map(ExchangeOutcome::charsetParameter).orElse(StandardCharsets.UTF_8);
    }

    private static Charset charsetParameter(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = trimmed.substring("charset=".length()).replace("\"", "").strip();
                try {
                    return Charset.forName(name);
                }
                catch (IllegalArgumentException ex) {
                    // An unknown name: UTF-8, which every provider we speak to uses; a wrong guess
                    // shows up as a signature that does not verify, never as a wrong value believed.
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
