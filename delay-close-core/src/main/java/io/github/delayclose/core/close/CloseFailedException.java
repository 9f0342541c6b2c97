package io.github.delayclose.core.close;

import java.util.Objects;

/** Closing an order failed for a known reason; whether to retry follows from the reason. */
public class CloseFailedException extends RuntimeException {

    private final FailureReason reason;

    public CloseFailedException(FailureReason reason, String message) {
        this(reason, message, null);
    }

    public CloseFailedException(FailureReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public FailureReason reason() {
        return reason;
    }
}
