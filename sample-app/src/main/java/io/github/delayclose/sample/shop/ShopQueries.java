package io.github.delayclose.sample.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.delayclose.autoconfigure.DelayCloseProperties;
import io.github.delayclose.core.spi.AttemptState;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.jdbc.OrderStatusCodes;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads orders and stock for the API. Times are {@code DATETIME} columns in the zone the JDBC
 * {@code OrderRepository} writes them in ({@link DatetimeColumns}).
 */
@Component
public class ShopQueries {

    private static final String ORDER_COLUMNS = "SELECT id, order_status, total_money, create_time, transaction_id, "
            + "pay_time, close_time, pay_channel FROM tb_order ";

    private final JdbcClient jdbc;

    private final Duration timeout;

    private final Clock clock;

    private final DatetimeColumns times;

    private final OrderStatusCodes codes = OrderStatusCodes.defaults();

    private final @Nullable CloseAttemptStore attempts;

    ShopQueries(JdbcClient jdbc, DelayCloseProperties delayClose, DatetimeColumns times,
            ObjectProvider<CloseAttemptStore> attempts) {
        this.jdbc = jdbc;
        this.times = times;
        this.timeout = delayClose.timeout();
        this.clock = Clock.systemUTC();
        this.attempts = attempts.getIfUnique();
    }

    /** Every SKU, by id. */
    public List<SkuView> skus() {
        return jdbc.sql("SELECT id, name, price, num, sale_num FROM tb_sku ORDER BY id")
                .query((rs, row) -> new SkuView(rs.getString("id"), rs.getString("name"), rs.getLong("price"),
                        rs.getInt("num"), rs.getInt("sale_num")))
                .list();
    }

    /** The latest orders, newest first. */
    public List<OrderView> latestOrders(int limit) {
        List<OrderRow> rows = jdbc.sql(ORDER_COLUMNS + "ORDER BY create_time DESC, id DESC LIMIT ?")
                .param(limit)
                .query(this::orderRow)
                .list();
        return withItems(rows);
    }

    /** One order. */
    public Optional<OrderView> order(String orderId) {
        return jdbc.sql(ORDER_COLUMNS + "WHERE id = ?").param(orderId).query(this::orderRow).optional()
                .map(row -> withItems(List.of(row)).get(0));
    }

    /** The amount of an order in fen, to check a payment notification against. */
    public Optional<Long> totalFee(String orderId) {
        return jdbc.sql("SELECT total_money FROM tb_order WHERE id = ?").param(orderId).query(Long.class).optional();
    }

    private List<OrderView> withItems(List<OrderRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<OrderView.Item>> items = new LinkedHashMap<>();
        rows.forEach(row -> items.put(row.id, new ArrayList<>()));
        String placeholders = String.join(", ", Collections.nCopies(rows.size(), "?"));
        jdbc.sql("SELECT order_id, sku_id, name, price, num FROM tb_order_item WHERE order_id IN (" + placeholders
                        + ") ORDER BY order_id, sku_id")
                .params(List.copyOf(items.keySet()))
                .query((rs, row) -> {
                    items.get(rs.getString("order_id")).add(new OrderView.Item(rs.getString("sku_id"),
                            rs.getString("name"), rs.getLong("price"), rs.getInt("num")));
                    return null;
                })
                .list();
        Map<String, CloseAttempt> closeState = closeState(rows);
        Instant now = clock.instant();
        return rows.stream().map(row -> {
            Instant deadline = row.createdAt.plus(timeout);
            long secondsLeft = Math.max(0, Duration.between(now, deadline).toSeconds());
            CloseAttempt attempt = closeState.get(row.id);
            String parkedReason = attempt != null && attempt.state() == AttemptState.PARKED ? attempt.reason() : null;
            return new OrderView(row.id, row.status, row.totalFee, List.copyOf(items.get(row.id)), row.createdAt,
                    deadline, secondsLeft, row.transactionId, row.paidAt, row.closedAt, parkedReason, row.channel);
        }).toList();
    }

    /** delay-close's state of the unpaid orders' closes that did not finish at once (parked ones among them). */
    private Map<String, CloseAttempt> closeState(List<OrderRow> rows) {
        List<String> unpaid = rows.stream().filter(row -> row.status == OrderStatus.UNPAID).map(OrderRow::id).toList();
        return attempts == null || unpaid.isEmpty() ? Map.of() : attempts.findAll(unpaid);
    }

    private OrderRow orderRow(ResultSet rs, int row) throws SQLException {
        return new OrderRow(rs.getString("id"), status(rs.getString("order_status")), rs.getLong("total_money"),
                times.readRequired(rs, "create_time"), rs.getString("transaction_id"), times.read(rs, "pay_time"),
                times.read(rs, "close_time"), rs.getString("pay_channel"));
    }

    private OrderStatus status(String code) {
        if (codes.unpaid().equals(code)) {
            return OrderStatus.UNPAID;
        }
        return codes.closed().equals(code) ? OrderStatus.CLOSED : OrderStatus.PAID;
    }

    private record OrderRow(String id, OrderStatus status, long totalFee, Instant createdAt,
            @Nullable String transactionId, @Nullable Instant paidAt, @Nullable Instant closedAt,
            @Nullable String channel) {
    }
}
