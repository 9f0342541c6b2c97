package io.github.delayclose.sample.shop;

import java.util.List;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param items what to buy; at least one
 */
public record CreateOrderRequest(List<Item> items) {

    /**
     * @param skuId the SKU
     * @param num how many units, at least 1
     */
    public record Item(String skuId, Integer num) {
    }
}
