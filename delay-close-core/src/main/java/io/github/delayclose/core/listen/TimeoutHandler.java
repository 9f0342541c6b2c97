package io.github.delayclose.core.listen;

import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.close.CloseFailedException;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.message.OrderIdCodec;
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
    private final DelayCloseMetrics metrics;

    public TimeoutHandler(OrderCloser closer, Redelivery redelivery, DelayCloseMetrics metrics) {
        this.closer = Objects.requireNonNull(closer, "closer");
        this.redelivery = Objects.requireNonNull(redelivery, "redelivery");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Closes the message's order, or sends the message on for a later attempt or to parking. */
    public void handle(Message message) {
        Optional<String> orderId = OrderIdCodec.fromMessage(message);
        if (orderId.isEmpty()) {
            redelivery.park(message, FailureReason.MALFORMED_MESSAGE, 1,
                    new IllegalArgumentException("message body is not an order id: " + preview(message.getBody())));
            return;
        }
        try {
            TimeoutOutcome outcome = closer.close(orderId.get());
            metrics.outcome(outcome);
            if (outcome == TimeoutOutcome.STILL_PAYING) {
                redelivery.recheckOrPark(message);
            }
        }
        catch (CloseFailedException ex) {
            redelivery.retryOrPark(message, ex.reason(), ex);
        }
        catch (RuntimeException ex) {
            redelivery.retryOrPark(message, FailureReason.UNEXPECTED_ERROR, ex);
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
