package io.github.delayclose.jdbc;

import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import io.github.delayclose.core.spi.StockRestorer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link StockRestorer} over tutorial-shaped tables in MySQL 8 or MariaDB 10.6+: for every item
 * of the order, {@code UPDATE tb_sku SET num = num + ?, sale_num = sale_num - ? WHERE id = ?}.
 *
 * <p><b>Once per order.</b> Before touching stock the restorer inserts the order id into a marker
 * table ({@link StockRestoreTable}, primary key on the order id), in the same transaction as the
 * stock updates. The insert either succeeds (first time: the stock is given back) or meets a
 * duplicate key (already done: nothing happens). A concurrent call for the same order waits on the
 * first one's key lock and then sees the duplicate; if the first transaction rolls back, its marker
 * goes with it and the next call restores. MySQL keeps a transaction usable after a duplicate-key
 * error, which is what lets this run inside the caller's close transaction.
 *
 * <p><b>Transactions.</b> Inside the caller's Spring transaction over the same {@code DataSource}
 * (the close transaction of {@code OrderCloser}) the work joins it, so "closed" and "stock back"
 * commit together; without one it runs in a short transaction of its own.
 *
 * <p>SKU rows are updated in id order, so concurrent restores of orders sharing SKUs wait for each
 * other instead of deadlocking. An item whose SKU row no longer exists is skipped with a warning:
 * there is no stock left to give back to, and failing would keep the order from ever closing.
 *
 * <p>Create one with {@link #builder(DataSource)}. Instances are immutable and thread-safe.
 */
public final class JdbcStockRestorer implements StockRestorer {

    private static final Log log = LogFactory.getLog(JdbcStockRestorer.class);

    private final JdbcClient jdbc;

    private final CurrentOrLocalTransaction transactions;

    private final String skuTableName;

    private final String insertMarker;

    private final String selectItems;

    private final String giveBack;

    private JdbcStockRestorer(Builder builder) {
        this.jdbc = JdbcClient.create(builder.dataSource);
        this.transactions = new CurrentOrLocalTransaction(builder.dataSource);
        StockRestoreTable marker = builder.restoreTable;
        OrderItemTable items = builder.orderItemTable;
        SkuTable sku = builder.skuTable;
        this.skuTableName = sku.name();
        this.insertMarker = "INSERT INTO " + SqlIdentifier.quote(marker.name()) + " ("
                + SqlIdentifier.quote(marker.orderIdColumn()) + ") VALUES (?)";
        String skuId = SqlIdentifier.quote(items.skuIdColumn());
        // One row per SKU even if the order lists a SKU twice; sorted for a stable lock order.
        this.selectItems = "SELECT " + skuId + ", SUM(" + SqlIdentifier.quote(items.quantityColumn()) + ") FROM "
                + SqlIdentifier.quote(items.name()) + " WHERE " + SqlIdentifier.quote(items.orderIdColumn())
                + " = ? GROUP BY " + skuId + " ORDER BY " + skuId;
        String stock = SqlIdentifier.quote(sku.stockColumn());
        String sales = SqlIdentifier.quote(sku.salesColumn());
        this.giveBack = "UPDATE " + SqlIdentifier.quote(sku.name()) + " SET " + stock + " = " + stock + " + ?, "
                + sales + " = " + sales + " - ? WHERE " + SqlIdentifier.quote(sku.idColumn()) + " = ?";
    }

    /**
     * Starts configuring a restorer. Every setting has the tutorial's default.
     *
     * @param dataSource the shop's database; the same {@code DataSource} the transaction manager
     *     manages, so that restoring joins the close transaction
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public void restore(String orderId) {
        Objects.requireNonNull(orderId, "orderId");
        transactions.run(() -> {
            if (claim(orderId)) {
                giveBack(orderId);
            }
            return null;
        });
    }

    /** Records that this order's stock is being given back; false if that was done before. */
    private boolean claim(String orderId) {
        try {
            jdbc.sql(insertMarker).param(orderId).update();
            return true;
        }
        catch (DuplicateKeyException alreadyRestored) {
            return false;
        }
    }

    private void giveBack(String orderId) {
        List<Item> items = jdbc.sql(selectItems).param(orderId)
                .query((rs, row) -> new Item(rs.getString(1), rs.getLong(2)))
                .list();
        for (Item item : items) {
            int updated = jdbc.sql(giveBack).params(item.quantity(), item.quantity(), item.skuId()).update();
            if (updated == 0) {
                log.warn("Order " + orderId + " had " + item.quantity() + " of SKU " + item.skuId()
                        + ", which is not in " + skuTableName + " (any more); that stock was not given back");
            }
        }
    }

    private record Item(String skuId, long quantity) {
    }

    /**
     * Settings of a {@link JdbcStockRestorer}; each checks its argument at once.
     */
    public static final class Builder {

        private final DataSource dataSource;

        private OrderItemTable orderItemTable = OrderItemTable.defaults();

        private SkuTable skuTable = SkuTable.defaults();

        private StockRestoreTable restoreTable = StockRestoreTable.defaults();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The order-item table and its columns; default {@link OrderItemTable#defaults()}. */
        public Builder orderItemTable(OrderItemTable orderItemTable) {
            this.orderItemTable = Objects.requireNonNull(orderItemTable, "orderItemTable");
            return this;
        }

        /** The SKU table and its columns; default {@link SkuTable#defaults()}. */
        public Builder skuTable(SkuTable skuTable) {
            this.skuTable = Objects.requireNonNull(skuTable, "skuTable");
            return this;
        }

        /** The marker table; default {@link StockRestoreTable#defaults()}. */
        public Builder restoreTable(StockRestoreTable restoreTable) {
            this.restoreTable = Objects.requireNonNull(restoreTable, "restoreTable");
            return this;
        }

        public JdbcStockRestorer build() {
            return new JdbcStockRestorer(this);
        }
    }
}
