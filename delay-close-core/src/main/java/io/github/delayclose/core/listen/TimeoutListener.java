package io.github.delayclose.core.listen;

import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.close.CloseFailedException;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.message.OrderIdCodec;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * Consumes the timeout queue: one message per order whose payment window ended.
 *
 * <p>Returns normally only when the message's outcome is durable (the order closed or paid in the
 * database, or a copy confirmed on a retry, re-check or parking queue); the container then acks.
 * If even that fails, the exception makes the container reject the message without requeue, and
 * the timeout queue's dead-letter settings park it: nothing loops, nothing is lost.
 */
public final class TimeoutListener implements MessageListener {

    private final OrderCloser closer;
    private final Redelivery redelivery;
    private final DelayCloseMetrics metrics;

    public TimeoutListener(OrderCloser closer, Redelivery redelivery, DelayCloseMetrics metrics) {
        this.closer = Objects.requireNonNull(closer, "closer");
        this.redelivery = Objects.requireNonNull(redelivery, "redelivery");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void onMessage(Message message) {
        Optional<String> orderId = OrderIdCodec.fromMessage(message);
        if (orderId.isEmpty()) {
            redelivery.park(message, FailureReason.MALFORMED_MESSAGE, 1,
                    new IllegalArgumentException("message body is not an order id: " + preview(message.getBody())));
            return;
        }
        try {
            TimeoutOutcome result = closer.close(orderId.get());
            metrics.outcome(result);
            if (result == TimeoutOutcome.STILL_PAYING) {
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
