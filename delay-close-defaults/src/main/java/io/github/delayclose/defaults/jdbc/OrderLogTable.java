package io.github.delayclose.defaults.jdbc;

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
     * Checks every name.
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    public OrderLogTable {
        SqlIdentifier.table("OrderLogTable.name", name);
        SqlIdentifier.column("OrderLogTable.idColumn", idColumn);
        SqlIdentifier.column("OrderLogTable.operatorColumn", operatorColumn);
        SqlIdentifier.column("OrderLogTable.operateTimeColumn", operateTimeColumn);
        SqlIdentifier.column("OrderLogTable.orderIdColumn", orderIdColumn);
        SqlIdentifier.column("OrderLogTable.statusColumn", statusColumn);
        SqlIdentifier.column("OrderLogTable.payStatusColumn", payStatusColumn);
    }

    /** The tutorial's {@code tb_order_log}. */
    public static OrderLogTable defaults() {
        return new OrderLogTable("tb_order_log", "id", "operater", "operate_time", "order_id", "order_status",
                "pay_status");
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
