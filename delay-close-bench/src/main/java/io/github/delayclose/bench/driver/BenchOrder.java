package io.github.delayclose.bench.driver;

/**
 * One order of a run: one item, one unit of one SKU.
 *
 * @param paid whether the payer pays it at the provider (silently, without a notification) before
 *     it is due, so that it must end PAID instead of CLOSED
 */
public record BenchOrder(String id, String skuId, boolean paid) {
}
