package io.github.delayclose.providerhttp;

import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects an answer's body as bytes, up to a cap. The cap is checked on every chunk as it
 * arrives, not after the whole body is buffered: the first chunk that passes it cancels the
 * subscription, which makes the JDK client drop the connection, and fails the body with
 * {@link AnswerTooLargeException}. A {@code Content-Length} above the cap fails before a byte is read.
 *
 * <p>{@link #abort} lets the call's deadline stop a body that is still arriving.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

    private final int maxBytes;

    private final long declaredLength;

    private final CompletableFuture<byte[]> body = new CompletableFuture<>();

    // Touched only by onNext and onComplete, which the Flow contract calls one at a time.
    private final List<ByteBuffer> received = new ArrayList<>();

    private long size;

    private volatile Flow.Subscription subscription;

    /**
     * @param maxBytes the cap
     * @param declaredLength the answer's {@code Content-Length}, or -1 when it has none
     */
    CappedBodySubscriber(int maxBytes, long declaredLength) {
        this.maxBytes = maxBytes;
        this.declaredLength = declaredLength;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (body.isDone()) { // aborted before the body started
            subscription.cancel();
        }
        else if (declaredLength > maxBytes) {
            fail(new AnswerTooLargeException(maxBytes));
        }
        else {
            // The cap, not demand, bounds what is held: everything that arrives is at most maxBytes.
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            size += buffer.remaining();
        }
        if (size > maxBytes) {
            fail(new AnswerTooLargeException(maxBytes));
            return;
        }
        received.addAll(buffers);
    }

    @Override
    public void onError(Throwable failure) {
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) { // aborted or over the cap: what arrived is not wanted
            received.clear();
            return;
        }
        byte[] bytes = new byte[(int) size];
        int offset = 0;
        for (ByteBuffer buffer : received) {
            int length = buffer.remaining();
            buffer.get(bytes, offset, length);
            offset += length;
        }
        received.clear();
        body.complete(bytes);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    /** Stops reading: the body fails with {@code reason} and the connection is let go. */
    void abort(Throwable reason) {
        fail(reason);
    }

    private void fail(Throwable reason) {
        // Complete first, so that chunks still in flight are ignored, then stop the flow.
        body.completeExceptionally(reason);
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    /** The body passed the cap. An {@link IOException}, as the JDK client expects of a body that cannot be read. */
    static final class AnswerTooLargeException extends IOException {

        AnswerTooLargeException(int maxBytes) {
            super("answer larger than " + maxBytes + " bytes");
        }
    }
}
