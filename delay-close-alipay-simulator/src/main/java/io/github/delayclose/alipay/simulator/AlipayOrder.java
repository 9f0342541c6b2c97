package io.github.delayclose.alipay.simulator;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One trade as the simulator holds it.
 *
 * @param outTradeNo the shop's order id
 * @param tradeNo Alipay's trade number
 * @param status the trade's status
 * @param totalFen the amount in fen
 * @param paidAt when it was paid ({@code send_pay_date}), or {@code null} when it was not
 */
public record AlipayOrder(String outTradeNo, String tradeNo, AlipayTradeStatus status, long totalFen,
        @Nullable Instant paidAt) {

    public AlipayOrder {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(tradeNo, "tradeNo");
        Objects.requireNonNull(status, "status");
    }

    AlipayOrder withStatus(AlipayTradeStatus next, Instant now) {
        return new AlipayOrder(outTradeNo, tradeNo, next, totalFen,
                next.isPaid() && paidAt == null ? now : paidAt);
    }
}
