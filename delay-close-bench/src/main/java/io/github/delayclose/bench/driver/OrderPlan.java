package io.github.delayclose.bench.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The orders of one phase and the SKUs they take their unit from, spread round-robin.
 *
 * @param stockPerSku each SKU's stock before any order took from it
 */
public record OrderPlan(List<BenchOrder> orders, List<String> skuIds, int stockPerSku) {

    /** Stock a SKU starts with: more than any run takes, so stock never runs out. */
    public static final int STOCK_PER_SKU = 10_000_000;

    public OrderPlan {
        orders = List.copyOf(orders);
        skuIds = List.copyOf(skuIds);
    }

    /**
     * @param idPrefix letters and digits that make this phase's order and SKU ids unique
     * @param paidPercent how many orders, in percent, the payer pays before they are due
     */
    public static OrderPlan create(String idPrefix, int orders, int skus, double paidPercent) {
        List<String> skuIds = new ArrayList<>();
        for (int i = 0; i < skus; i++) {
            skuIds.add(idPrefix + "S" + i);
        }
        // Seeded, so two runs with the same arguments pay the same orders.
        Random random = new Random(orders * 31L + skus);
        List<BenchOrder> planned = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            planned.add(new BenchOrder(orderId(idPrefix, i), skuIds.get(i % skus), random.nextDouble() * 100 < paidPercent));
        }
        return new OrderPlan(planned, skuIds, STOCK_PER_SKU);
    }

    /** An id WeChat Pay accepts as {@code out_trade_no}: letters and digits, at most 32. */
    public static String orderId(String idPrefix, long sequence) {
        return idPrefix + "O" + sequence;
    }

    /** How many of this plan's orders took a unit of each SKU. */
    public Map<String, Integer> unitsTakenBySku() {
        Map<String, Integer> taken = new TreeMap<>();
        skuIds.forEach(sku -> taken.put(sku, 0));
        orders.forEach(order -> taken.merge(order.skuId(), 1, Integer::sum));
        return taken;
    }

    /** A plan for a subset of these orders (a batch of a steady run), on the same SKUs. */
    public OrderPlan slice(int from, int to) {
        return new OrderPlan(orders.subList(from, to), skuIds, stockPerSku);
    }
}
