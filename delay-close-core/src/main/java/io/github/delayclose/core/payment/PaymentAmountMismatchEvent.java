package io.github.delayclose.core.payment;

import java.util.Objects;

import io.github.delayclose.core.spi.Payment;

/**
 * The provider reported a payment whose amount is not the order's. The order was neither marked paid
 * nor closed: a forged or mistaken notification must not ship goods, and a real underpayment must
 * not be hidden. Listen for it with {@code @EventListener} to alert; it is also counted as
 * {@code delay.close.amount.mismatches}.
 *
 * @param orderId the order
 * @param expectedAmount the order's amount due, in minor units
 * @param payment the payment as the provider reported it, with its amount
 */
public record PaymentAmountMismatchEvent(String orderId, long expectedAmount, Payment payment) {

    public PaymentAmountMismatchEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(payment, "payment");
    }
}
