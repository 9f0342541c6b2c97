package io.github.delayclose.jdbc;

import org.jspecify.annotations.Nullable;

/**
 * Where {@link JdbcOrderRepository} records the transitions it makes: one row per won transition,
 * inserted in the same transaction as the status change. {@link #defaults()} follows the tutorial's
 * {@code tb_order_log}, including its spelling {@code operater}.
 *
 * @param name the table, optionally qualified with its database; default {@code tb_order_log}
 * @param idColumn the row id; the repository generates it (see {@link JdbcOrderRepository.Builder#logIds});
 *     default {@code id}
 * @param operatorColumn who made the change ({@code system}); default {@code operater}
 * @param operateTimeColumn a {@code DATETIME}, when the change was made; default {@code operate_time}
 * @param orderIdColumn the order; default {@code order_id}
 * @param statusColumn the order status code after the change; default {@code order_status}
 * @param payStatusColumn the payment status code after the change; default {@code pay_status}
 */
public record OrderLogTable(String name, String idColumn, String operatorColumn, String operateTimeColumn,
        String orderIdColumn, String statusColumn, String payStatusColumn) {

    /**
     * Checks every name; a {@code null} name stands for its default, so that configuration
     * properties need to state only what differs from the tutorial.
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    public OrderLogTable(@Nullable String name, @Nullable String idColumn, @Nullable String operatorColumn,
            @Nullable String operateTimeColumn, @Nullable String orderIdColumn, @Nullable String statusColumn,
            @Nullable String payStatusColumn) {
        this.name = SqlIdentifier.table("OrderLogTable.name", name, "tb_order_log");
        this.idColumn = SqlIdentifier.column("OrderLogTable.idColumn", idColumn, "id");
        this.operatorColumn = SqlIdentifier.column("OrderLogTable.operatorColumn", operatorColumn, "operater");
        this.operateTimeColumn = SqlIdentifier.column("OrderLogTable.operateTimeColumn", operateTimeColumn, "operate_time");
        this.orderIdColumn = SqlIdentifier.column("OrderLogTable.orderIdColumn", orderIdColumn, "order_id");
        this.statusColumn = SqlIdentifier.column("OrderLogTable.statusColumn", statusColumn, "order_status");
        this.payStatusColumn = SqlIdentifier.column("OrderLogTable.payStatusColumn", payStatusColumn, "pay_status");
    }

    /** The tutorial's {@code tb_order_log}. */
    public static OrderLogTable defaults() {
        return new OrderLogTable(null, null, null, null, null, null, null);
    }

    public OrderLogTable withName(String name) {
        return new OrderLogTable(name, idColumn, operatorColumn, operateTimeColumn, orderIdColumn, statusColumn,
                payStatusColumn);
    }

    public OrderLogTable withIdColumn(String idColumn) {
        return new OrderLogTable(name, idColumn, operatorColumn, operateTimeColumn, orderIdColumn, statusColumn,
                payStatusColumn);
    }

    public OrderLogTable withOperatorColumn(String operatorColumn) {
        return new OrderLogTable(name, idColumn, operatorColumn, operateTimeColumn, orderIdColumn, statusColumn,
                payStatusColumn);
    }

    public OrderLogTable withOperateTimeColumn(String operateTimeColumn) {
        return new OrderLogTable(name, idColumn, operatorColumn, operateTimeColumn, orderIdColumn, statusColumn,
                payStatusColumn);
    }

    public OrderLogTable withOrderIdColumn(String orderIdColumn) {
        return new OrderLogTable(name, idColumn, operatorColumn, operateTimeColumn, orderIdColumn, statusColumn,
                payStatusColumn);
    }

    public OrderLogTable withStatusColumn(String statusColumn) {
        return new OrderLogTable(name, idColumn, operatorColumn, operateTimeColumn, orderIdColumn, statusColumn,
                payStatusColumn);
    }

    public OrderLogTable withPayStatusColumn(String payStatusColumn) {
        return new OrderLogTable(name, idColumn, operatorColumn, operateTimeColumn, orderIdColumn, statusColumn,
                payStatusColumn);
    }
}
