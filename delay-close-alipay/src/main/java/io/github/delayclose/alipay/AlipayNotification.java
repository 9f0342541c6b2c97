package io.github.delayclose.alipay;

import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.spi.Payment;

/**
 * An Alipay asynchronous notification whose signature and app were verified.
 *
 * @param orderId the shop's order id ({@code out_trade_no})
 * @param tradeStatus Alipay's {@code trade_status}: {@code TRADE_SUCCESS}, {@code TRADE_FINISHED},
 *     {@code WAIT_BUYER_PAY} or {@code TRADE_CLOSED}
 * @param payment the payment, present exactly for {@code TRADE_SUCCESS} and {@code TRADE_FINISHED};
 *     its {@linkplain Payment#amount() amount} is {@code totalFen}
 * @param totalFen {@code total_amount} in fen; compare it with the order's amount before recording
 *     the payment, as Alipay's documentation asks (delay-close's {@code PaymentRecorder} does when
 *     the repository stores amounts)
 */
public record AlipayNotification(String orderId, String tradeStatus, Optional<Payment> payment, long totalFen) {

    public AlipayNotification {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(tradeStatus, "tradeStatus");
        Objects.requireNonNull(payment, "payment");
    }

    /** Whether the notification reports a completed payment. */
    public boolean paid() {
        return payment.isPresent();
    }
}
