package io.github.delayclose.wxpay.simulator;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one order as the simulator holds it.
 *
 * @param outTradeNo the merchant's order id
 * @param tradeState the current trade state
 * @param totalFee the amount in fen
 * @param transactionId WeChat's transaction id, present once the order was paid
 * @param timeEnd when it was paid, whole seconds (WeChat's {@code time_end} has no more), present
 *     once the order was paid
 * @param notifyUrl where notifications go, if the order was created through {@code unifiedorder}
 */
public record SimulatedOrder(String outTradeNo, SimulatedTradeState tradeState, long totalFee,
        Optional<String> transactionId, Optional<Instant> timeEnd, Optional<String> notifyUrl) {

    public SimulatedOrder {
        Objects.requireNonNull(outTradeNo, "outTradeNo");
        Objects.requireNonNull(tradeState, "tradeState");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(timeEnd, "timeEnd");
        Objects.requireNonNull(notifyUrl, "notifyUrl");
    }
}
