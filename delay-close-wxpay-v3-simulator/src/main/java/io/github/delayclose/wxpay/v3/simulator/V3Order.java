package io.github.delayclose.wxpay.v3.simulator;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One order as the simulator holds it.
 *
 * @param outTradeNo the shop's order id
 * @param state its trade state
 * @param total the amount in fen
 * @param transactionId WeChat's transaction id, once paid
 * @param successTime when it was paid
 */
public record V3Order(String outTradeNo, V3TradeState state, long total, @Nullable String transactionId,
        @Nullable Instant successTime) {

    public V3Order {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(state, "state");
    }
}
