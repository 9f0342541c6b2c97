package io.github.delayclose.it.faults;

/**
 * One order of the run: one unit of one SKU.
 *
 * @param createdAt epoch millisecond its rows were written and its close scheduled
 * @param deadline epoch millisecond its payment window ends
 */
record FaultOrder(String id, String skuId, OrderKind kind, long createdAt, long deadline) {
}
