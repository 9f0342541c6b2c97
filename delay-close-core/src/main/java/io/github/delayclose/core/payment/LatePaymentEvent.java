package io.github.delayclose.core.payment;

import java.util.Objects;

import io.github.delayclose.core.spi.Payment;

/**
 * A payment arrived for an order that had already been closed. The order stays closed (its stock
 * may be sold again already); whether to refund or to fulfil anyway is the shop's call, so listen
 * for this event with {@code @EventListener}. Providers repeat notifications until they are
 * acknowledged, so the same payment may be reported more than once: deduplicate by
 * {@link Payment#transactionId()}.
 *
 * @param orderId the closed order
 * @param payment the payment the provider reported
 */
public record LatePaymentEvent(String orderId, Payment payment) {

    public LatePaymentEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(payment, "payment");
    }
}
