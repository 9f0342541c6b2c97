package io.github.delayclose.providerhttp;

import java.io.IOException;
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

    /**
     * Runs the exchange on the calling thread and waits for it.
     *
     * <p>The JDK client's {@code sendAsync} hands every answer to {@code CompletableFuture}'s default
     * executor, which on a machine with two cores or fewer is a new thread per task: a thread created
     * for every provider call. Its blocking {@code send} does not, so a caller that waits anyway uses
     * it. The deadline is kept the same way: the JDK's request timeout ends a wait for headers, a timer
     * aborts a body still arriving, and interrupts the caller if it is still connecting.
     */
    ProviderAnswer run(HttpClient http) throws InterruptedException {
        Thread caller = Thread.currentThread();
        Object lock = new Object();
        boolean[] timedOut = new boolean[1];
        CompletableFuture<Void> deadline = new CompletableFuture<Void>()
                .orTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        deadline.whenComplete((ignored, expired) -> {
            if (expired == null) {
                return;
            }
            synchronized (lock) {
                if (!outcome.isDone()) {
                    timedOut[0] = true;
                    outcome.completeExceptionally(ExchangeOutcome.timeout(request, settings, null));
                    CappedBodySubscriber subscriber = body;
                    if (subscriber != null) {
                        subscriber.abort(new CancellationException("call deadline passed"));
                    }
                    else {
                        caller.interrupt(); // still connecting or sending: the JDK client stops on interrupt
                    }
                }
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(request, this::bodySubscriber);
            ExchangeOutcome.settle(outcome, request, response);
        }
        catch (IOException | RuntimeException failure) {
            outcome.completeExceptionally(ExchangeOutcome.failure(request, failure, settings));
        }
        catch (InterruptedException interrupted) {
            synchronized (lock) {
                if (!timedOut[0]) {
                    throw interrupted; // the caller's own interrupt
                }
            }
        }
        finally {
            synchronized (lock) {
                deadline.complete(null);
                if (timedOut[0]) {
                    Thread.interrupted(); // the timer's interrupt, if it came, is not the caller's
                }
            }
        }
        return outcome.join();
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
