package io.github.delayclose.defaults.jdbc;

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
     * Checks every name.
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    public OrderItemTable {
        SqlIdentifier.table("OrderItemTable.name", name);
        SqlIdentifier.column("OrderItemTable.orderIdColumn", orderIdColumn);
        SqlIdentifier.column("OrderItemTable.skuIdColumn", skuIdColumn);
        SqlIdentifier.column("OrderItemTable.quantityColumn", quantityColumn);
    }

    /** The tutorial's {@code tb_order_item}. */
    public static OrderItemTable defaults() {
        return new OrderItemTable("tb_order_item", "order_id", "sku_id", "num");
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
