package io.github.delayclose.jdbc;

import static io.github.delayclose.jdbc.SqlIdentifier.quote;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the host shop does around the code under test (placing orders, holding stock), and direct
 * reads of the tables to check what the code under test wrote.
 */
final class Shop {

    static final long INITIAL_STOCK = 1000;

    private final JdbcClient jdbc;

    private final ShopSchema schema;

    private final ZoneId zone;

    Shop(DataSource dataSource, ShopSchema schema, ZoneId zone) {
        this.jdbc = JdbcClient.create(dataSource);
        this.schema = schema;
        this.zone = zone;
    }

    void unpaidOrder(String orderId, Instant createdAt) {
        order(orderId, schema.codes().unpaid(), createdAt);
    }

    void order(String orderId, String statusCode, Instant createdAt) {
        OrderTable t = schema.orders();
        jdbc.sql("INSERT INTO " + quote(t.name()) + " (" + quote(t.idColumn()) + ", " + quote(t.statusColumn()) + ", "
                + quote(t.payStatusColumn()) + ", " + quote(t.createTimeColumn()) + ") VALUES (?, ?, ?, ?)")
                .params(orderId, statusCode, schema.codes().payStatusUnpaid(), LocalDateTime.ofInstant(createdAt, zone))
                .update();
    }

    /** Stores the order's items; SKUs that do not exist yet get {@link #INITIAL_STOCK}. */
    void orderWithItems(String orderId, Map<String, Integer> quantityBySku) {
        unpaidOrder(orderId, Instant.now());
        quantityBySku.forEach((sku, quantity) -> {
            if (stock(sku).isEmpty()) {
                sku(sku, INITIAL_STOCK, 0);
            }
            item(orderId, sku, quantity);
        });
    }

    void item(String orderId, String skuId, int quantity) {
        OrderItemTable t = schema.items();
        if (schema.itemIdColumn() == null) {
            jdbc.sql("INSERT INTO " + quote(t.name()) + " (" + quote(t.orderIdColumn()) + ", " + quote(t.skuIdColumn())
                    + ", " + quote(t.quantityColumn()) + ") VALUES (?, ?, ?)").params(orderId, skuId, quantity).update();
        }
        else {
            jdbc.sql("INSERT INTO " + quote(t.name()) + " (" + quote(schema.itemIdColumn()) + ", "
                    + quote(t.orderIdColumn()) + ", " + quote(t.skuIdColumn()) + ", " + quote(t.quantityColumn())
                    + ") VALUES (?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), orderId, skuId, quantity).update();
        }
    }

    void sku(String skuId, long stock, long sales) {
        SkuTable t = schema.skus();
        jdbc.sql("INSERT INTO " + quote(t.name()) + " (" + quote(t.idColumn()) + ", " + quote(t.stockColumn()) + ", "
                + quote(t.salesColumn()) + ") VALUES (?, ?, ?)").params(skuId, stock, sales).update();
    }

    Optional<Long> stock(String skuId) {
        SkuTable t = schema.skus();
        return jdbc.sql("SELECT " + quote(t.stockColumn()) + " FROM " + quote(t.name()) + " WHERE "
                + quote(t.idColumn()) + " = ?").param(skuId).query(Long.class).optional();
    }

    long sales(String skuId) {
        SkuTable t = schema.skus();
        return jdbc.sql("SELECT " + quote(t.salesColumn()) + " FROM " + quote(t.name()) + " WHERE "
                + quote(t.idColumn()) + " = ?").param(skuId).query(Long.class).single();
    }

    /** The order's row, keyed by the configured column names. */
    Map<String, Object> orderRow(String orderId) {
        OrderTable t = schema.orders();
        return jdbc.sql("SELECT * FROM " + quote(t.name()) + " WHERE " + quote(t.idColumn()) + " = ?")
                .param(orderId).query().listOfRows().stream().map(Shop::withLocalDateTimes).findFirst().orElseThrow();
    }

    Optional<String> statusCode(String orderId) {
        OrderTable t = schema.orders();
        return jdbc.sql("SELECT " + quote(t.statusColumn()) + " FROM " + quote(t.name()) + " WHERE "
                + quote(t.idColumn()) + " = ?").param(orderId).query(String.class).optional();
    }

    /** The order's log rows, keyed by the configured column names. */
    List<Map<String, Object>> logRows(String orderId) {
        OrderLogTable t = schema.log();
        return jdbc.sql("SELECT * FROM " + quote(t.name()) + " WHERE " + quote(t.orderIdColumn()) + " = ?")
                .param(orderId).query().listOfRows().stream().map(Shop::withLocalDateTimes).toList();
    }

    /** DATETIME values as the {@code LocalDateTime}s the code under test wrote, not as {@code Timestamp}s. */
    private static Map<String, Object> withLocalDateTimes(Map<String, Object> row) {
        Map<String, Object> converted = new LinkedHashMap<>();
        row.forEach((column, value) -> converted.put(column,
                value instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : value));
        return converted;
    }

    boolean stockRestoreRecorded(String orderId) {
        StockRestoreTable t = schema.marker();
        return jdbc.sql("SELECT COUNT(*) FROM " + quote(t.name()) + " WHERE " + quote(t.orderIdColumn()) + " = ?")
                .param(orderId).query(Long.class).single() == 1;
    }
}
