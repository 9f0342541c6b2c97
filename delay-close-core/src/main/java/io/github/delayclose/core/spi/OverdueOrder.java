package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * An unpaid order found by the safety-net sweep, and the position of the sweep's scan: the sweep
 * reads overdue orders in {@code (createdAt, orderId)} order and asks for the ones after the last
 * it saw.
 *
 * @param orderId the order's id; empty only in {@link #startOf(Instant)}
 * @param createdAt when the order was created, as the shop stores it
 */
public record OverdueOrder(String orderId, Instant createdAt) {

    public OverdueOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A position just before every order created at or after {@code createdFrom}. */
    public static OverdueOrder startOf(Instant createdFrom) {
        return new OverdueOrder("", createdFrom);
    }
}
