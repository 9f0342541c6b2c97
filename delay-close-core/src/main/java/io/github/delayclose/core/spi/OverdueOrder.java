package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * An unpaid order whose payment deadline has passed, found by the safety-net sweep.
 *
 * @param orderId the order's id
 * @param deadline when its payment window ended
 */
public record OverdueOrder(String orderId, Instant deadline) {

    public OverdueOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** The scan position just after this order. */
    public OverduePosition position() {
        return new OverduePosition(deadline, orderId);
    }
}
