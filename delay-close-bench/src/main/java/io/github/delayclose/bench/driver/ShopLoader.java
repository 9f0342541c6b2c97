package io.github.delayclose.bench.driver;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes SKUs and unpaid orders in multi-row INSERTs, so creating orders costs the run a few
 * statements rather than one round trip per row, and is not what gets measured.
 */
public final class ShopLoader {

    private static final int ROWS_PER_STATEMENT = 1000;

    private final JdbcTemplate jdbc;

    public ShopLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every SKU of the plan, with the units its orders took already moved from stock to sales. */
    public void insertSkus(OrderPlan plan) {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> sku : plan.unitsTakenBySku().entrySet()) {
            rows.add(new Object[] { sku.getKey(), plan.stockPerSku() - sku.getValue(), sku.getValue() });
        }
        insert("INSERT INTO tb_sku (id, num, sale_num) VALUES ", "(?, ?, ?)", rows);
    }

    /** The plan's orders, unpaid, created at {@code createdAt} (in the JVM's zone, as delay-close-jdbc reads it). */
    public void insertOrders(List<BenchOrder> orders, LocalDateTime createdAt) {
        Timestamp created = Timestamp.valueOf(createdAt);
        List<Object[]> orderRows = new ArrayList<>(orders.size());
        List<Object[]> itemRows = new ArrayList<>(orders.size());
        for (BenchOrder order : orders) {
            orderRows.add(new Object[] { order.id(), created });
            itemRows.add(new Object[] { order.id() + "I", order.id(), order.skuId() });
        }
        insert("INSERT INTO tb_order (id, order_status, pay_status, create_time) VALUES ", "(?, '0', '0', ?)", orderRows);
        insert("INSERT INTO tb_order_item (id, order_id, sku_id, num) VALUES ", "(?, ?, ?, 1)", itemRows);
    }

    private void insert(String head, String rowPlaceholders, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(head);
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(rowPlaceholders);
                parameters.addAll(List.of(chunk.get(i)));
            }
            jdbc.update(sql.toString(), parameters.toArray());
        }
    }
}
