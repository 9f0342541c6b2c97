package io.github.delayclose.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Where {@link JdbcStockRestorer} gives stock back: it adds an item's quantity to the stock column
 * and subtracts it from the sales column. {@link #defaults()} follows the tutorial's {@code tb_sku}.
 *
 * @param name the table, optionally qualified with its database; default {@code tb_sku}
 * @param idColumn the SKU id; default {@code id}
 * @param stockColumn units in stock, a whole number; default {@code num}
 * @param salesColumn units sold, a whole number; default {@code sale_num}
 */
public record SkuTable(String name, String idColumn, String stockColumn, String salesColumn) {

    /**
     * Checks every name; a {@code null} name stands for its default, so that configuration
     * properties need to state only what differs from the tutorial.
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    public SkuTable(@Nullable String name, @Nullable String idColumn, @Nullable String stockColumn,
            @Nullable String salesColumn) {
        this.name = SqlIdentifier.table("SkuTable.name", name, "tb_sku");
        this.idColumn = SqlIdentifier.column("SkuTable.idColumn", idColumn, "id");
        this.stockColumn = SqlIdentifier.column("SkuTable.stockColumn", stockColumn, "num");
        this.salesColumn = SqlIdentifier.column("SkuTable.salesColumn", salesColumn, "sale_num");
    }

    /** The tutorial's {@code tb_sku}. */
    public static SkuTable defaults() {
        return new SkuTable(null, null, null, null);
    }

    public SkuTable withName(String name) {
        return new SkuTable(name, idColumn, stockColumn, salesColumn);
    }

    public SkuTable withIdColumn(String idColumn) {
        return new SkuTable(name, idColumn, stockColumn, salesColumn);
    }

    public SkuTable withStockColumn(String stockColumn) {
        return new SkuTable(name, idColumn, stockColumn, salesColumn);
    }

    public SkuTable withSalesColumn(String salesColumn) {
        return new SkuTable(name, idColumn, stockColumn, salesColumn);
    }
}
