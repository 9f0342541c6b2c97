package io.github.delayclose.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;

import io.github.delayclose.core.spi.OrderSnapshot;

import org.jspecify.annotations.Nullable;

/**
 * The statements {@link JdbcOrderRepository} runs, built once from the checked, quoted names of an
 * {@link OrderTable}.
 */
final class OrderSql {

    /** {@code SELECT status[, deadline][, channel][, amount] … WHERE id = ?}: one read per timeout. */
    final String selectOrder;

    /** The conditional close: {@code UPDATE … SET status = closed … WHERE id = ? AND status = unpaid}. */
    final String closeIfUnpaid;

    /** The conditional payment. */
    final String payIfUnpaid;

    /** The overdue search, by deadline or, without a deadline column, by creation time. */
    final String selectOverdue;

    /** Stores or moves a deadline of an unpaid order, or {@code null} without a deadline column. */
    final @Nullable String recordDeadline;

    /** Positions of the optional columns in {@link #selectOrder}'s result, 0 when absent. */
    final int deadlineIndex;
    final int channelIndex;
    final int amountIndex;

    private final String tableName;

    OrderSql(OrderTable t) {
        this.tableName = t.name();
        String table = SqlIdentifier.quote(t.name());
        String id = SqlIdentifier.quote(t.idColumn());
        String status = SqlIdentifier.quote(t.statusColumn());
        StringBuilder select = new StringBuilder("SELECT ").append(status);
        int next = 2;
        deadlineIndex = t.deadlineColumn() == null ? 0 : next++;
        channelIndex = t.channelColumn() == null ? 0 : next++;
        amountIndex = t.amountColumn() == null ? 0 : next;
        for (String optional : new String[] { t.deadlineColumn(), t.channelColumn(), t.amountColumn() }) {
            if (optional != null) {
                select.append(", ").append(SqlIdentifier.quote(optional));
            }
        }
        this.selectOrder = select.append(" FROM ").append(table).append(" WHERE ").append(id).append(" = ?").toString();
        this.closeIfUnpaid = "UPDATE " + table + " SET " + status + " = ?, " + SqlIdentifier.quote(t.closeTimeColumn())
                + " = ?, " + SqlIdentifier.quote(t.updateTimeColumn()) + " = ? WHERE " + id + " = ? AND " + status + " = ?";
        this.payIfUnpaid = "UPDATE " + table + " SET " + status + " = ?, " + SqlIdentifier.quote(t.payStatusColumn())
                + " = ?, " + SqlIdentifier.quote(t.transactionIdColumn()) + " = ?, "
                + SqlIdentifier.quote(t.payTimeColumn()) + " = ?, " + SqlIdentifier.quote(t.updateTimeColumn())
                + " = ? WHERE " + id + " = ? AND " + status + " = ?";
        // Keyset paging over (time, id): the id breaks ties between equal times, so pages are deterministic.
        String time = SqlIdentifier.quote(t.deadlineColumn() != null ? t.deadlineColumn() : t.createTimeColumn());
        this.selectOverdue = "SELECT " + id + ", " + time + " FROM " + table + " WHERE " + status + " = ? AND "
                + time + " < ? AND (" + time + " > ? OR (" + time + " = ? AND " + id + " > ?)) ORDER BY "
                + time + ", " + id + " LIMIT ?";
        this.recordDeadline = t.deadlineColumn() == null ? null : "UPDATE " + table + " SET "
                + SqlIdentifier.quote(t.deadlineColumn()) + " = ? WHERE " + id + " = ? AND " + status + " = ?";
    }

    /** Reads a row of {@link #selectOrder}. */
    OrderSnapshot readOrder(ResultSet row, String orderId, OrderStatusCodes codes, ZoneId zone) throws SQLException {
        String code = row.getString(1);
        if (code == null) {
            throw new IllegalStateException("order " + orderId + " has no status (NULL) in " + tableName);
        }
        LocalDateTime deadline = deadlineIndex == 0 ? null : row.getObject(deadlineIndex, LocalDateTime.class);
        String channel = channelIndex == 0 ? null : row.getString(channelIndex);
        Long amount = amountIndex == 0 ? null : row.getObject(amountIndex, Long.class);
        return new OrderSnapshot(codes.toStatus(code), deadline == null ? null : deadline.atZone(zone).toInstant(),
                channel, amount);
    }
}
