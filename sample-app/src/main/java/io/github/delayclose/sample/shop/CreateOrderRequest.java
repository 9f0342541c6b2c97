package io.github.delayclose.sample.shop;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param items what to buy; at least one, at most {@value #MAX_ITEMS}
 * @param channel how the payer pays: {@code wxpay}, {@code alipay} (when the demo's Alipay is on), or
 *     {@code null} when not chosen yet
 */
public record CreateOrderRequest(@Nullable List<@Nullable Item> items, @Nullable String channel) {

    /** An order whose payment channel is not chosen yet. */
    public CreateOrderRequest(@Nullable List<@Nullable Item> items) {
        this(items, null);
    }

    /** Most items (lines) in one order; a demo needs no more, and it bounds the work of one request. */
    public static final int MAX_ITEMS = 20;

    /** Most units of one SKU in one order, over all its lines. */
    public static final int MAX_UNITS = 100;

    /**
     * @param skuId the SKU
     * @param num how many units: a whole number from 1 to {@value #MAX_UNITS}. JSON like {@code 1.9}
     *     or {@code 2147483648} is refused when the body is read ({@code spring.jackson.deserialization
     *     .accept-float-as-int=false}), never truncated.
     */
    public record Item(@Nullable String skuId, @Nullable Integer num) {
    }
}
