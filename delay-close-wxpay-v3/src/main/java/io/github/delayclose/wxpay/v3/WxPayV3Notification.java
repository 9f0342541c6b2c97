package io.github.delayclose.wxpay.v3;

import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.TradeState;

/**
 * A WeChat Pay v3 payment notification that was verified, decrypted and found to be for our merchant.
 *
 * @param orderId the shop's order id ({@code out_trade_no})
 * @param state the transaction's {@code trade_state}
 * @param payment the payment, present exactly when {@code state} is paid; its amount is {@code total}
 * @param total {@code amount.total} in fen; compare it with the order's amount before recording the
 *     payment (delay-close's {@code PaymentRecorder} does when the repository stores amounts)
 */
public record WxPayV3Notification(String orderId, TradeState state, Optional<Payment> payment, long total) {

    public WxPayV3Notification {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(payment, "payment");
    }

    /** Whether the notification reports a completed payment. */
    public boolean paid() {
        return payment.isPresent();
    }
}
