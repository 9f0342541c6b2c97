package io.github.delayclose.jdbc;

import javax.sql.DataSource;

/**
 * One configuration of table names and status codes, with the repository and restorer built for it.
 *
 * @param itemIdColumn the item table's id column when the test must fill it, else {@code null}
 */
record ShopSchema(OrderTable orders, OrderItemTable items, String itemIdColumn, SkuTable skus, OrderLogTable log,
        StockRestoreTable marker, OrderStatusCodes codes) {

    /** The reference schema of {@code V1} and {@code V2}, with every default. */
    static final ShopSchema TUTORIAL = new ShopSchema(OrderTable.defaults(), OrderItemTable.defaults(), "id",
            SkuTable.defaults(), OrderLogTable.defaults(), StockRestoreTable.defaults(), OrderStatusCodes.defaults());

    /** The test-only schema of {@code V100__custom_names_schema.sql}. */
    static final ShopSchema CUSTOM = new ShopSchema(
            new OrderTable(TestDatabase.NAME + ".order", "order_no", "state", "paid_state", "wx_transaction",
                    "paid_at", "closed_at", "created_at", "modified_at", null, null, null),
            new OrderItemTable("order_line", "order_no", "product_id", "qty"), null,
            new SkuTable("product", "product_id", "in_stock", "sold"),
            new OrderLogTable("order_event", "event_id", "actor", "happened_at", "order_no", "state", "paid_state"),
            new StockRestoreTable("stock_given_back", "order_no"),
            new OrderStatusCodes("WAIT_PAY", "PAID", "CLOSED", "N", "Y"));

    JdbcOrderRepository.Builder repository(DataSource dataSource) {
        return JdbcOrderRepository.builder(dataSource).orderTable(orders).orderLogTable(log).statusCodes(codes);
    }

    JdbcStockRestorer restorer(DataSource dataSource) {
        return JdbcStockRestorer.builder(dataSource).orderItemTable(items).skuTable(skus).restoreTable(marker).build();
    }
}
