package io.github.delayclose.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Where {@link JdbcStockRestorer} finds what an order took: one row per item. Read only.
 * {@link #defaults()} follows the tutorial's {@code tb_order_item}.
 *
 * @param name the table, optionally qualified with its database; default {@code tb_order_item}
 * @param orderIdColumn the order the item belongs to; default {@code order_id}
 * @param skuIdColumn the SKU, matching {@link SkuTable#idColumn()}; default {@code sku_id}
 * @param quantityColumn how many units the item took, a whole number; default {@code num}
 */
public record OrderItemTable(String name, String orderIdColumn, String skuIdColumn, String quantityColumn) {

    /**
     * Checks every name; a {@code null} name stands for its default, so that configuration
     * properties need to state only what differs from the tutorial.
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    public OrderItemTable(@Nullable String name, @Nullable String orderIdColumn, @Nullable String skuIdColumn,
            @Nullable String quantityColumn) {
        this.name = SqlIdentifier.table("OrderItemTable.name", name, "tb_order_item");
        this.orderIdColumn = SqlIdentifier.column("OrderItemTable.orderIdColumn", orderIdColumn, "order_id");
        this.skuIdColumn = SqlIdentifier.column("OrderItemTable.skuIdColumn", skuIdColumn, "sku_id");
        this.quantityColumn = SqlIdentifier.column("OrderItemTable.quantityColumn", quantityColumn, "num");
    }

    /** The tutorial's {@code tb_order_item}. */
    public static OrderItemTable defaults() {
        return new OrderItemTable(null, null, null, null);
    }

    public OrderItemTable withName(String name) {
        return new OrderItemTable(name, orderIdColumn, skuIdColumn, quantityColumn);
    }

    public OrderItemTable withOrderIdColumn(String orderIdColumn) {
        return new OrderItemTable(name, orderIdColumn, skuIdColumn, quantityColumn);
    }

    public OrderItemTable withSkuIdColumn(String skuIdColumn) {
        return new OrderItemTable(name, orderIdColumn, skuIdColumn, quantityColumn);
    }

    public OrderItemTable withQuantityColumn(String quantityColumn) {
        return new OrderItemTable(name, orderIdColumn, skuIdColumn, quantityColumn);
    }
}
