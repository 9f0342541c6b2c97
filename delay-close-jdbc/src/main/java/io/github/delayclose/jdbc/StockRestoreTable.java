package io.github.delayclose.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * The marker table that makes {@link JdbcStockRestorer} idempotent: one row per order whose stock
 * was given back, inserted in the same transaction as the stock updates. Its order id column must be
 * the primary key (or unique), and every other column must have a default, because the restorer
 * inserts the order id only. Not part of the tutorial; {@code V2__stock_restore_marker.sql} creates
 * the default one.
 *
 * @param name the table, optionally qualified with its database; default {@code tb_stock_restore}
 * @param orderIdColumn the order id, primary key; default {@code order_id}
 */
public record StockRestoreTable(String name, String orderIdColumn) {

    /**
     * Checks every name; a {@code null} name stands for its default, so that configuration
     * properties need to state only what differs from the tutorial.
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    public StockRestoreTable(@Nullable String name, @Nullable String orderIdColumn) {
        this.name = SqlIdentifier.table("StockRestoreTable.name", name, "tb_stock_restore");
        this.orderIdColumn = SqlIdentifier.column("StockRestoreTable.orderIdColumn", orderIdColumn, "order_id");
    }

    /** {@code tb_stock_restore(order_id)}, as created by the reference migration. */
    public static StockRestoreTable defaults() {
        return new StockRestoreTable(null, null);
    }

    public StockRestoreTable withName(String name) {
        return new StockRestoreTable(name, orderIdColumn);
    }

    public StockRestoreTable withOrderIdColumn(String orderIdColumn) {
        return new StockRestoreTable(name, orderIdColumn);
    }
}
