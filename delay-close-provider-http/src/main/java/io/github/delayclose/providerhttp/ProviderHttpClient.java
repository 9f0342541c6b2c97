package io.github.delayclose.providerhttp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.github.delayclose.providerhttp.ProviderHttpException.Failure;

/**
 * The HTTP client of one payment-provider gateway, on the JDK's {@link HttpClient}. Create one per
 * gateway and share it between all threads: it keeps the gateway's connections.
 *
 * <p>What every call gets:
 * <ul>
 *   <li>one deadline, {@link ProviderHttpSettings#callTimeout()}, covering connect, request, headers
 *       and the whole body; a server that drips its answer cannot stretch it;</li>
 *   <li>a cap on the answer's size, {@link ProviderHttpSettings#maxAnswerBytes()}, enforced while the
 *       body arrives, so a huge answer is never buffered;</li>
 *   <li>no redirects: a 3xx answer is a {@link Failure#REDIRECT_REFUSED} failure, so a signed
 *       request is never re-sent to another address;</li>
 *   <li>the connection released on every outcome: an error status's body is read (under the cap) so
 *       the connection can be reused, and a call that fails half way drops its connection;</li>
 *   <li>TLS verified against the JVM's trust store with host-name checking, the JDK's defaults,
 *       which nothing here turns off;</li>
 *   <li>proxies from the JVM's standard settings ({@code https.proxyHost}, {@code http.proxyHost},
 *       {@code http.nonProxyHosts}, …) through {@link java.net.ProxySelector#getDefault()};</li>
 *   <li>every failure as a {@link ProviderHttpException} saying what went wrong, never quoting the
 *       request.</li>
 * </ul>
 *
 * <p>HTTP/1.1 only: one exchange per connection keeps "stop this call" the same as "close its
 * connection", whatever the server does, and the providers' XML and form APIs gain nothing from
 * HTTP/2's multiplexing at the rates a shop closes orders.
 */
public final class ProviderHttpClient {

    private final ProviderHttpSettings settings;

    private final HttpClient http;

    /** A client whose calls run under {@code settings}. */
    public ProviderHttpClient(ProviderHttpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // No .proxy(...): left unset, the client asks ProxySelector.getDefault(), i.e. the standard
        // proxy properties. No .sslContext(...): the JVM's default, which verifies certificates.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
    }

    /** The limits calls run under. */
    public ProviderHttpSettings settings() {
        return settings;
    }

    /**
     * POSTs a text body and waits for the answer.
     *
     * @param uri where to
     * @param contentType the body's media type, e.g. {@code text/xml}; {@code ; charset=UTF-8} is added
     * @param body the request body, sent as UTF-8
     * @return the answer, whose status is 2xx
     * @throws ProviderHttpException when there is no such answer within the deadline
     */
    public ProviderAnswer post(URI uri, String contentType, String body) {
        Objects.requireNonNull(contentType, "contentType");
        return send(HttpRequest.newBuilder(Objects.requireNonNull(uri, "uri"))
                .header("Content-Type", contentType + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(Objects.requireNonNull(body, "body"), StandardCharsets.UTF_8))
                .build());
    }

    /**
     * Sends a request and waits for the answer.
     *
     * @throws ProviderHttpException when there is no 2xx answer within the deadline; when the thread
     *     is interrupted, the call is cancelled, the interrupt flag stays set and the failure is
     *     {@link Failure#INTERRUPTED}
     */
    public ProviderAnswer send(HttpRequest request) {
        try {
            return new ProviderCall(bounded(request), settings).run(http);
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof ProviderHttpException failure) {
                // Rethrown from this thread, so the trace shows the caller as well.
                throw new ProviderHttpException(failure.failure(), failure.getMessage(), failure,
                        failure.status().orElse(-1), failure.answerBody().orElse(null),
                        failure.answerHeaders().orElse(null));
            }
            throw new IllegalStateException("unexpected failure of " + ExchangeOutcome.target(request), ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ProviderHttpException(Failure.INTERRUPTED, ExchangeOutcome.target(request)
                    + ": interrupted while waiting for the answer; call cancelled", ex);
        }
    }

    /**
     * Sends a request without waiting. The future completes with the answer, or exceptionally with a
     * {@link ProviderHttpException}, by the deadline at the latest; cancelling it stops the call and
     * lets go of its connection. Actions chained to it run on the thread that completes it, which for
     * a timeout is the JDK's shared timer thread: chain heavy work with the {@code *Async} methods.
     *
     * @param request any method and headers; its own timeout is replaced by the call timeout
     */
    public CompletableFuture<ProviderAnswer> sendAsync(HttpRequest request) {
        return new ProviderCall(bounded(request), settings).start(http);
    }

    /** The request with the call's deadline as its own timeout. */
    private HttpRequest bounded(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        // The JDK's request timeout ends the wait for headers; set to the same deadline, it is a
        // second line of defence behind ours, which also covers the body.
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(settings.callTimeout()).build();
    }

    @Override
    public String toString() {
        return "ProviderHttpClient[" + settings + "]";
    }
}
