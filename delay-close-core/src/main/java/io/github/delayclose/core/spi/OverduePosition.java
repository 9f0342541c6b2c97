package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * Where the sweep's scan of overdue orders stands: it reads them in {@code (deadline, orderId)}
 * order and asks for the ones after the last it saw.
 *
 * @param deadline the deadline of the last order seen
 * @param orderId the id of the last order seen; empty before the first order of a span
 */
public record OverduePosition(Instant deadline, String orderId) {

    public OverduePosition {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(orderId, "orderId");
    }

    /** A position just before every order whose deadline is at or after {@code from}. */
    public static OverduePosition startOf(Instant from) {
        return new OverduePosition(from, "");
    }

    /** Whether an order with this deadline and id comes after this position. */
    public boolean isBefore(Instant otherDeadline, String otherOrderId) {
        int byDeadline = deadline.compareTo(otherDeadline);
        return byDeadline < 0 || (byDeadline == 0 && orderId.compareTo(otherOrderId) < 0);
    }
}
