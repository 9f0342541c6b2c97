package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What delay-close reads about an order when its payment window ends, in one read: its status, and
 * where the repository stores them, its deadline, payment channel and amount due.
 *
 * @param status the order's status
 * @param deadline when its payment window ends, if the repository stores it; a timeout message
 *     that arrives before it (the deadline was moved later) is sent on for the time left instead of
 *     closing the order
 * @param channel the payment channel the order is paid through (for example {@code wxpay}), if
 *     known; chooses the gateway when several are configured
 * @param amount the amount due, in the currency's minor unit (fen for CNY), if stored; a payment of
 *     another amount is reported instead of being taken as the order's
 */
public record OrderSnapshot(OrderStatus status, @Nullable Instant deadline, @Nullable String channel,
        @Nullable Long amount) {

    public OrderSnapshot {
        Objects.requireNonNull(status, "status");
    }

    /** An order of which only the status is known. */
    public static OrderSnapshot of(OrderStatus status) {
        return new OrderSnapshot(status, null, null, null);
    }
}
