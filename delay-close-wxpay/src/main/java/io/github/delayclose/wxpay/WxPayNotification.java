package io.github.delayclose.wxpay;

import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.spi.Payment;

/**
 * A WeChat Pay payment notification whose signature and merchant were verified.
 *
 * @param orderId the shop's order id ({@code out_trade_no})
 * @param resultCode {@code SUCCESS} when the payment went through, {@code FAIL} otherwise
 * @param payment the payment, present exactly when {@code resultCode} is {@code SUCCESS}; its
 *     {@linkplain Payment#amount() amount} is {@code totalFee}
 * @param totalFee the amount in fen ({@code total_fee}); compare it with the order's amount
 *     before recording the payment, as WeChat's documentation asks, or -1 when the notification
 *     does not carry it (only possible with {@code FAIL})
 */
public record WxPayNotification(String orderId, String resultCode, Optional<Payment> payment, long totalFee) {

    public WxPayNotification {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(resultCode, "resultCode");
        Objects.requireNonNull(payment, "payment");
        if (payment.isPresent() != "SUCCESS".equals(resultCode)) {
            throw new IllegalArgumentException("a payment comes with result_code SUCCESS and only then");
        }
    }

    /** Whether the notification reports a completed payment. */
    public boolean paid() {
        return payment.isPresent();
    }
}
