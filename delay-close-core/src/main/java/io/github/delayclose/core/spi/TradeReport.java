package io.github.delayclose.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * The provider's answer to "what happened to this order's payment?".
 *
 * @param state the trade state
 * @param payment the payment, present exactly when {@code state} {@linkplain TradeState#isPaid()
 *     is a paid state}
 */
public record TradeReport(TradeState state, Optional<Payment> payment) {

    public TradeReport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(payment, "payment");
        if (state.isPaid() != payment.isPresent()) {
            throw new IllegalArgumentException(
                    "a " + state + " answer must " + (state.isPaid() ? "" : "not ") + "carry a payment");
        }
    }

    /** An answer for a paid trade. */
    public static TradeReport paid(TradeState state, Payment payment) {
        return new TradeReport(state, Optional.of(payment));
    }

    /** An answer for a trade that was not paid. */
    public static TradeReport unpaid(TradeState state) {
        return new TradeReport(state, Optional.empty());
    }
}
