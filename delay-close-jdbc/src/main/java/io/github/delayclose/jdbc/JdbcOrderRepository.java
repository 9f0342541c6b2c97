package io.github.delayclose.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderSnapshot;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.OverduePosition;
import io.github.delayclose.core.spi.Payment;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An {@link OrderRepository} over a tutorial-shaped order table in MySQL 8 or MariaDB 10.6+, with
 * configurable table names, column names and status codes.
 *
 * <p><b>Transitions</b> are single conditional updates,
 * {@code UPDATE tb_order SET order_status = '4', close_time = ?, update_time = ? WHERE id = ? AND order_status = '0'}
 * (and the like for a payment, which also writes {@code pay_status}, {@code transaction_id} and
 * {@code pay_time}). The row lock taken by the update decides races between instances: exactly one
 * caller sees one updated row. Only the winner inserts an order-log row, on the same connection.
 * Inside the caller's Spring transaction (a {@code DataSourceTransactionManager} over the same
 * {@code DataSource}) everything joins it; without one (and inside a transaction on another
 * {@code DataSource}, which does not hold this one's connection), each transition runs in a short
 * transaction of its own so that the status change and its log row never come apart.
 *
 * <p><b>Time.</b> The time columns are {@code DATETIME}, which holds no time zone. Instants are
 * converted to local date-times in the configured {@link Builder#zone zone} (default: the JVM's
 * system zone) and bound as {@code LocalDateTime}, which both MySQL Connector/J and MariaDB
 * Connector/J pass through unchanged; the connection's own time zone settings therefore play no
 * part. Use the zone in which the shop writes {@code create_time}, or the overdue search will be off
 * by the difference.
 *
 * <p><b>Deadlines.</b> With a deadline column ({@link OrderTable#deadlineColumn()}), each order has a
 * deadline of its own, which delay-close writes when the order is scheduled and moves when it is
 * rescheduled; without one, every order's deadline is its creation time plus the payment window.
 *
 * <p><b>Overdue search.</b> {@link #findOverdueUnpaid} is a plain read that locks nothing: it never
 * waits for a close or a payment in progress, and never holds one up. Instances sweeping at the
 * same time may read the same orders; claiming an order for a new copy is an insert into the
 * close-attempt table, which only one of them wins.
 *
 * <p>Create one with {@link #builder(DataSource)}. Instances are immutable and thread-safe.
 */
public final class JdbcOrderRepository implements OrderRepository {

    private final JdbcClient jdbc;

    private final CurrentOrLocalTransaction transactions;

    private final OrderStatusCodes codes;

    private final ZoneId zone;

    private final Clock clock;

    private final Duration paymentWindow;

    private final Optional<OrderLogWriter> orderLog;

    private final String orderTableName;

    private final OrderSql sql;

    private JdbcOrderRepository(Builder builder) {
        this.jdbc = JdbcClient.create(builder.dataSource);
        this.transactions = new CurrentOrLocalTransaction(builder.dataSource);
        this.codes = builder.statusCodes;
        this.zone = builder.zone;
        this.clock = builder.clock;
        this.paymentWindow = builder.paymentWindow;
        this.orderLog = Optional.ofNullable(builder.orderLogTable)
                .map(table -> new OrderLogWriter(jdbc, table, builder.operator, builder.logIds, builder.zone));
        this.orderTableName = builder.orderTable.name();
        this.sql = new OrderSql(builder.orderTable);
    }

    /**
     * Starts configuring a repository. Every setting has the tutorial's default.
     *
     * @param dataSource the shop's database; the same {@code DataSource} the transaction manager
     *     manages, so that transitions join the caller's transaction
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public Optional<OrderStatus> findStatus(String orderId) {
        return findOrder(orderId).map(OrderSnapshot::status);
    }

    /** {@inheritDoc} Reads the status and whichever optional columns are configured, in one query. */
    @Override
    public Optional<OrderSnapshot> findOrder(String orderId) {
        Objects.requireNonNull(orderId, "orderId");
        return jdbc.sql(sql.selectOrder).param(orderId)
                .query((row, number) -> sql.readOrder(row, orderId, codes, zone)).optional();
    }

    @Override
    public boolean markClosed(String orderId, Instant closedAt) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(closedAt, "closedAt");
        LocalDateTime at = local(closedAt);
        return transactions.run(() -> {
            boolean won = wonOne(orderId,
                    jdbc.sql(sql.closeIfUnpaid).params(codes.closed(), at, at, orderId, codes.unpaid()).update());
            if (won) {
                orderLog.ifPresent(log -> log.write(orderId, codes.closed(), codes.payStatusUnpaid(), closedAt));
            }
            return won;
        });
    }

    @Override
    public boolean markPaid(String orderId, Payment payment) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(payment, "payment");
        // pay_time is when the provider says the payment happened; update_time and the log's
        // operate_time are when this shop learnt it and changed the row.
        Instant now = clock.instant();
        return transactions.run(() -> {
            boolean won = wonOne(orderId, jdbc.sql(sql.payIfUnpaid)
                    .params(codes.paid(), codes.payStatusPaid(), payment.transactionId(), local(payment.paidAt()),
                            local(now), orderId, codes.unpaid())
                    .update());
            if (won) {
                orderLog.ifPresent(log -> log.write(orderId, codes.paid(), codes.payStatusPaid(), now));
            }
            return won;
        });
    }

    @Override
    public boolean searchesOverdueOrders() {
        return true;
    }

    /**
     * {@inheritDoc}
     *
     * <p>With a deadline column, returns unpaid orders whose deadline is before {@code deadlineBefore};
     * without one, those created more than the payment window before it, with their creation time plus
     * the window as deadline. Oldest first, ties broken by id, skipping rows that another transaction has
     * locked. The rows returned stay locked until the caller's transaction ends.
     */
    @Override
    public List<OverdueOrder> findOverdueUnpaid(OverduePosition after, Instant deadlineBefore, int limit) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(deadlineBefore, "deadlineBefore");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, but was " + limit);
        }
        // Without a deadline column the scan runs over creation times, shifted by the window.
        Duration shift = storesDeadlines() ? Duration.ZERO : paymentWindow;
        LocalDateTime afterTime = local(after.deadline().minus(shift));
        return jdbc.sql(sql.selectOverdue)
                .params(codes.unpaid(), local(deadlineBefore.minus(shift)), afterTime, afterTime, after.orderId(), limit)
                .query((row, number) -> new OverdueOrder(row.getString(1),
                        row.getObject(2, LocalDateTime.class).atZone(zone).toInstant().plus(shift)))
                .list();
    }

    /** Whether the order table has a channel column ({@link OrderTable#channelColumn()}). */
    @Override
    public boolean storesChannels() {
        return sql.channelIndex != 0;
    }

    @Override
    public boolean storesDeadlines() {
        return sql.recordDeadline != null;
    }

    @Override
    public boolean recordDeadline(String orderId, Instant deadline) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(deadline, "deadline");
        if (sql.recordDeadline == null) {
            throw new UnsupportedOperationException("no deadline column is configured for " + orderTableName
                    + " (OrderTable.deadlineColumn, delay-close.jdbc.order-table.deadline-column)");
        }
        return wonOne(orderId, jdbc.sql(sql.recordDeadline).params(local(deadline), orderId, codes.unpaid()).update());
    }

    private LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    private boolean wonOne(String orderId, int updatedRows) {
        if (updatedRows > 1) {
            // Rolls the transaction back: a transition must never touch more than its own order.
            throw new IllegalStateException(updatedRows + " rows of " + orderTableName + " have id " + orderId
                    + ": the configured id column must be unique (the primary key)");
        }
        return updatedRows == 1;
    }

    /**
     * Settings of a {@link JdbcOrderRepository}; each checks its argument at once.
     */
    public static final class Builder {

        private final DataSource dataSource;

        private OrderTable orderTable = OrderTable.defaults();

        private @Nullable OrderLogTable orderLogTable = OrderLogTable.defaults();

        private OrderStatusCodes statusCodes = OrderStatusCodes.defaults();

        private ZoneId zone = ZoneId.systemDefault();

        private Clock clock = Clock.systemUTC();

        private String operator = "system";

        private Supplier<String> logIds = new TimeOrderedIds();

        private Duration paymentWindow = Duration.ofMinutes(30);

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The order table and its columns; default {@link OrderTable#defaults()}. */
        public Builder orderTable(OrderTable orderTable) {
            this.orderTable = Objects.requireNonNull(orderTable, "orderTable");
            return this;
        }

        /** The order-log table and its columns; default {@link OrderLogTable#defaults()}. */
        public Builder orderLogTable(OrderLogTable orderLogTable) {
            this.orderLogTable = Objects.requireNonNull(orderLogTable, "orderLogTable");
            return this;
        }

        /** Writes no order-log rows, for shops without an order-log table. */
        public Builder withoutOrderLog() {
            this.orderLogTable = null;
            return this;
        }

        /** The status codes; default {@link OrderStatusCodes#defaults()} ('0', '1', '4'; '0', '1'). */
        public Builder statusCodes(OrderStatusCodes statusCodes) {
            this.statusCodes = Objects.requireNonNull(statusCodes, "statusCodes");
            return this;
        }

        /**
         * The zone in which the shop's {@code DATETIME} columns are written; default
         * {@link ZoneId#systemDefault()}. See the class comment.
         */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Where a payment's {@code update_time} and log time come from; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The operator written to the order log; default {@code system}, as in the tutorial. */
        public Builder operator(String operator) {
            Objects.requireNonNull(operator, "operator");
            if (operator.isBlank()) {
                throw new IllegalArgumentException("operator must not be blank");
            }
            this.operator = operator;
            return this;
        }

        /**
         * Generates order-log row ids; default: time-ordered decimal ids of at most 19 digits, like
         * the tutorial's {@code idWorker.nextId()}. Must be thread-safe and unique across instances
         * in practice.
         */
        public Builder logIds(Supplier<String> logIds) {
            this.logIds = Objects.requireNonNull(logIds, "logIds");
            return this;
        }

        /**
         * The payment window, for tables without a deadline column: an order's deadline is then its
         * creation time plus this; default 30 minutes, as {@code delay-close.timeout}.
         */
        public Builder paymentWindow(Duration paymentWindow) {
            Objects.requireNonNull(paymentWindow, "paymentWindow");
            if (paymentWindow.isNegative() || paymentWindow.isZero()) {
                throw new IllegalArgumentException("paymentWindow must be positive, but was " + paymentWindow);
            }
            this.paymentWindow = paymentWindow;
            return this;
        }

        public JdbcOrderRepository build() {
            return new JdbcOrderRepository(this);
        }
    }
}
