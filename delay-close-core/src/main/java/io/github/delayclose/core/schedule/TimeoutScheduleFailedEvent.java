package io.github.delayclose.core.schedule;

import java.util.Objects;

/**
 * The delay message of an order could not be published, even after retries. The order is not
 * lost: the safety-net sweep finds it once it is overdue. Listen for this event to alert.
 *
 * @param orderId the order whose timeout was not scheduled
 * @param cause why the last attempt failed
 */
public record TimeoutScheduleFailedEvent(String orderId, Throwable cause) {

    public TimeoutScheduleFailedEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(cause, "cause");
    }
}
