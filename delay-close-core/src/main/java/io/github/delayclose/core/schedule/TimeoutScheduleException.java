package io.github.delayclose.core.schedule;

/** Thrown by {@link OrderTimeoutScheduler#schedule} outside a transaction when publishing failed after retries. */
public class TimeoutScheduleException extends RuntimeException {

    public TimeoutScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
