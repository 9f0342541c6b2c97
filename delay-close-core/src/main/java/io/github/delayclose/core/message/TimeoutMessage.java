package io.github.delayclose.core.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;

/**
 * What a timeout message says: the order (its body, as in the tutorial) and, in headers, the epoch
 * of this copy, how many attempts failed and re-checks happened before it, and the deadline it was
 * sent for.
 *
 * @param orderId the order
 * @param epoch the copy's epoch; 0 for the message sent when the order was scheduled
 * @param failedAttempts attempts that failed before this one
 * @param rechecks "still paying" answers before this one
 * @param deadline the payment deadline the message was sent for, if it says (messages of the
 *     tutorial's fixed-delay queue do not)
 */
public record TimeoutMessage(String orderId, long epoch, int failedAttempts, int rechecks, @Nullable Instant deadline) {

    public TimeoutMessage {
        Objects.requireNonNull(orderId, "orderId");
    }

    /** The message of a newly scheduled order. */
    public static TimeoutMessage scheduled(String orderId, @Nullable Instant deadline) {
        return new TimeoutMessage(orderId, 0, 0, 0, deadline);
    }

    /** Reads a received message; empty when its body is not an order id. */
    public static Optional<TimeoutMessage> from(Message message) {
        return OrderIdCodec.fromMessage(message).map(orderId -> {
            long deadline = DelayCloseHeaders.longHeader(message, DelayCloseHeaders.DEADLINE);
            return new TimeoutMessage(orderId, DelayCloseHeaders.longHeader(message, DelayCloseHeaders.EPOCH),
                    DelayCloseHeaders.counter(message, DelayCloseHeaders.FAILED_ATTEMPTS),
                    DelayCloseHeaders.counter(message, DelayCloseHeaders.RECHECKS),
                    deadline > 0 ? Instant.ofEpochMilli(deadline) : null);
        });
    }

    /** Whether delay-close has touched this order's close before: a retry, re-check or re-sent copy. */
    public boolean isFollowUp() {
        return epoch > 0 || failedAttempts > 0 || rechecks > 0;
    }

    /** A persistent message saying all of this. */
    public Message toMessage() {
        Message message = OrderIdCodec.toMessage(orderId);
        var headers = message.getMessageProperties().getHeaders();
        if (epoch > 0) {
            headers.put(DelayCloseHeaders.EPOCH, epoch);
        }
        if (failedAttempts > 0) {
            headers.put(DelayCloseHeaders.FAILED_ATTEMPTS, failedAttempts);
        }
        if (rechecks > 0) {
            headers.put(DelayCloseHeaders.RECHECKS, rechecks);
        }
        if (deadline != null) {
            headers.put(DelayCloseHeaders.DEADLINE, deadline.toEpochMilli());
        }
        return message;
    }

    /** A copy delay-close sends again under another epoch, with the counts it carries on. */
    public TimeoutMessage resent(long newEpoch, int newFailedAttempts, int newRechecks) {
        return new TimeoutMessage(orderId, newEpoch, newFailedAttempts, newRechecks, deadline);
    }
}
