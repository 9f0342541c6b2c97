package io.github.delayclose.sample.shop;

import java.time.Instant;
import java.util.List;

import io.github.delayclose.core.spi.OrderStatus;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it.
 *
 * @param id the order id, also WeChat Pay's {@code out_trade_no}
 * @param status UNPAID, PAID or CLOSED
 * @param totalFee the amount in fen
 * @param items what was bought
 * @param createdAt when the order was created (whole seconds, as stored)
 * @param deadline when its payment window ends: {@code createdAt + delay-close.timeout}
 * @param secondsLeft seconds until the deadline, 0 once it has passed
 * @param transactionId WeChat Pay's transaction id once paid
 * @param paidAt when it was paid
 * @param closedAt when it was closed
 * @param parkedReason why delay-close parked its close, while it is parked (an operator replays or discards it)
 * @param channel the payment channel ({@code wxpay}, {@code alipay}), or {@code null} while not chosen
 */
public record OrderView(String id, OrderStatus status, long totalFee, List<Item> items, Instant createdAt,
        Instant deadline, long secondsLeft, @Nullable String transactionId, @Nullable Instant paidAt,
        @Nullable Instant closedAt, @Nullable String parkedReason, @Nullable String channel) {

    /**
     * @param skuId the SKU
     * @param name its name at the time of the order
     * @param price its unit price in fen at the time of the order
     * @param num how many units
     */
    public record Item(String skuId, String name, long price, int num) {
    }
}
