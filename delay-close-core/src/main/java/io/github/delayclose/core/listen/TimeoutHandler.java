package io.github.delayclose.core.listen;

import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.close.CloseFailedException;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.close.TimeoutResult;
import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import org.springframework.amqp.core.Message;

/**
 * Handles one timeout message: one order whose payment window ended.
 *
 * <p>Returns normally only when the message's outcome is durable (the order closed or paid in the
 * database, or a copy confirmed on a retry, re-check or parking queue); the caller then acks. If even
 * that fails, it throws, and the caller rejects the message without requeue so that the timeout
 * queue's dead-letter settings park it: nothing loops, nothing is lost.
 */
public final class TimeoutHandler {

    private final OrderCloser closer;
    private final Redelivery redelivery;
    private final AttemptLedger attempts;
    private final DelayCloseMetrics metrics;

    public TimeoutHandler(OrderCloser closer, Redelivery redelivery, AttemptLedger attempts, DelayCloseMetrics metrics) {
        this.closer = Objects.requireNonNull(closer, "closer");
        this.redelivery = Objects.requireNonNull(redelivery, "redelivery");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Closes the message's order, or sends the message on for a later attempt, a later deadline or to parking. */
    public void handle(Message received) {
        Optional<TimeoutMessage> parsed = TimeoutMessage.from(received);
        if (parsed.isEmpty()) {
            redelivery.parkMalformed(received,
                    new IllegalArgumentException("message body is not an order id: " + preview(received.getBody())));
            return;
        }
        TimeoutMessage message = parsed.get();
        TimeoutResult result;
        try {
            result = closer.close(message);
        }
        catch (CloseFailedException ex) {
            redelivery.retryOrPark(received, message, ex.reason(), ex);
            return;
        }
        catch (RuntimeException ex) {
            redelivery.retryOrPark(received, message, FailureReason.UNEXPECTED_ERROR, ex);
            return;
        }
        metrics.outcome(result.outcome());
        switch (result.outcome()) {
            case CLOSED, COMPENSATED_AS_PAID, ALREADY_FINAL -> attempts.done(message);
            case STILL_PAYING -> redelivery.recheckOrPark(received, message);
            case NOT_YET_DUE -> redelivery.waitUntil(message, Objects.requireNonNull(result.dueAt()));
            case STALE_COPY -> { }
        }
    }

    private static String preview(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty)";
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(body.length, 40); i++) {
            int b = body[i] & 0xff;
            text.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        return "'" + text + (body.length > 40 ? "…' (" + body.length + " bytes)" : "'");
    }
}
