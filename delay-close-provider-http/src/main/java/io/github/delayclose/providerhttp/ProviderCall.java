package io.github.delayclose.providerhttp;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One exchange with its deadline. The deadline runs from the start of the call to the last byte of
 * the answer; when it passes, the call fails with {@link ProviderHttpException.Failure#TIMEOUT} and
 * the exchange is stopped wherever it is: the JDK client's future is cancelled (which aborts a
 * connect or a wait for headers) and the body, if it is arriving, is aborted (which drops the
 * connection). The same happens when the caller cancels or stops waiting.
 */
final class ProviderCall {

    private final HttpRequest request;

    private final ProviderHttpSettings settings;

    private final CompletableFuture<ProviderAnswer> outcome = new CompletableFuture<>();

    private volatile CompletableFuture<HttpResponse<byte[]>> exchange;

    private volatile CappedBodySubscriber body;

    ProviderCall(HttpRequest request, ProviderHttpSettings settings) {
        this.request = request;
        this.settings = settings;
    }

    /** Starts the exchange; the future completes with the answer or a {@link ProviderHttpException}. */
    CompletableFuture<ProviderAnswer> start(HttpClient http) {
        // orTimeout's timer is dropped as soon as the deadline future completes, so a fast call leaves
        // nothing behind in the scheduler.
        CompletableFuture<Void> deadline = new CompletableFuture<Void>()
                .orTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        deadline.whenComplete((ignored, expired) -> {
            if (expired != null) {
                outcome.completeExceptionally(ExchangeOutcome.timeout(request, settings, null));
            }
        });
        outcome.whenComplete((answer, failure) -> {
            deadline.complete(null);
            if (failure != null) {
                stop(failure);
            }
        });
        CompletableFuture<HttpResponse<byte[]>> started = http.sendAsync(request, this::bodySubscriber);
        exchange = started;
        started.whenComplete((response, failure) -> {
            if (failure == null) {
                ExchangeOutcome.settle(outcome, request, response);
            }
            else {
                outcome.completeExceptionally(ExchangeOutcome.failure(request, failure, settings));
            }
        });
        if (outcome.isDone()) { // expired or cancelled before the exchange was known to stop()
            started.cancel(true);
        }
        return outcome;
    }

    private HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
        long declaredLength;
        try {
            declaredLength = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        }
        catch (NumberFormatException ex) {
            declaredLength = -1;
        }
        CappedBodySubscriber subscriber = new CappedBodySubscriber(settings.maxAnswerBytes(), declaredLength);
        body = subscriber;
        if (outcome.isDone()) { // expired while the headers were being read
            subscriber.abort(new CancellationException("call already over"));
        }
        return subscriber;
    }

    /** Lets go of the connection of a call that is over without an answer. */
    private void stop(Throwable reason) {
        CompletableFuture<HttpResponse<byte[]>> started = exchange;
        if (started != null) {
            started.cancel(true);
        }
        CappedBodySubscriber subscriber = body;
        if (subscriber != null) {
            subscriber.abort(reason);
        }
    }
}
