package io.github.delayclose.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts one order-log row for a transition that {@link JdbcOrderRepository} won. Runs on the
 * caller's connection, so the row commits or rolls back with the status change.
 */
final class OrderLogWriter {

    private final JdbcClient jdbc;

    private final String insert;

    private final String operator;

    private final Supplier<String> ids;

    private final ZoneId zone;

    OrderLogWriter(JdbcClient jdbc, OrderLogTable table, String operator, Supplier<String> ids, ZoneId zone) {
        this.jdbc = jdbc;
        this.operator = operator;
        this.ids = ids;
        this.zone = zone;
        this.insert = "INSERT INTO " + SqlIdentifier.quote(table.name()) + " ("
                + SqlIdentifier.quote(table.idColumn()) + ", " + SqlIdentifier.quote(table.operatorColumn()) + ", "
                + SqlIdentifier.quote(table.operateTimeColumn()) + ", " + SqlIdentifier.quote(table.orderIdColumn())
                + ", " + SqlIdentifier.quote(table.statusColumn()) + ", " + SqlIdentifier.quote(table.payStatusColumn())
                + ") VALUES (?, ?, ?, ?, ?, ?)";
    }

    void write(String orderId, String status, String payStatus, Instant at) {
        String id = ids.get();
        if (id == null || id.isBlank()) {
            throw new IllegalStateException("the order-log id generator returned " + (id == null ? "null" : "a blank id"));
        }
        jdbc.sql(insert).params(id, operator, LocalDateTime.ofInstant(at, zone), orderId, status, payStatus).update();
    }
}
