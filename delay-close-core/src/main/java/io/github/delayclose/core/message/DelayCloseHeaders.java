package io.github.delayclose.core.message;

import org.springframework.amqp.core.Message;

/** Message headers delay-close reads and writes. */
public final class DelayCloseHeaders {

    /** How many attempts to handle the message have failed so far. */
    public static final String FAILED_ATTEMPTS = "x-delay-close-failed-attempts";

    /** How many times the provider said "still paying" so far. */
    public static final String RECHECKS = "x-delay-close-rechecks";

    /**
     * The epoch of this copy of the order's message: 0 for the message sent when it was scheduled,
     * higher for copies delay-close sent again (a re-drive, a replay); see
     * {@link io.github.delayclose.core.spi.CloseAttempt}.
     */
    public static final String EPOCH = "x-delay-close-epoch";

    /** The order's payment deadline when the message was sent, in epoch milliseconds. */
    public static final String DEADLINE = "x-delay-close-deadline";

    /** On parked messages: the {@link io.github.delayclose.core.close.FailureReason}. */
    public static final String PARKED_REASON = "x-delay-close-reason";

    /** On parked messages: how many attempts were made before parking. */
    public static final String PARKED_ATTEMPTS = "x-delay-close-attempts";

    private DelayCloseHeaders() {
    }

    /** A non-negative counter header, 0 when absent or not a number. */
    public static int counter(Message message, String header) {
        return (int) Math.min(Integer.MAX_VALUE, longHeader(message, header));
    }

    /** A non-negative whole-number header, 0 when absent or not a number. */
    public static long longHeader(Message message, String header) {
        Object value = message.getMessageProperties().getHeaders().get(header);
        return value instanceof Number number ? Math.max(0, number.longValue()) : 0;
    }
}
