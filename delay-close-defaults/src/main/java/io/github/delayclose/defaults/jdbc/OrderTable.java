package io.github.delayclose.defaults.jdbc;

/**
 * Where {@link JdbcOrderRepository} finds orders: the table and the columns it reads and writes.
 * Other columns of the table are left alone. {@link #defaults()} follows the tutorial's
 * {@code tb_order}. Every name is checked when the record is created (see {@link #OrderTable the
 * constructor}), so a bad configuration fails at start-up.
 *
 * @param name the table, optionally qualified with its database ({@code shop.tb_order}); default {@code tb_order}
 * @param idColumn the order id, unique (normally the primary key); default {@code id}
 * @param statusColumn the order status code, see {@link OrderStatusCodes}; default {@code order_status}
 * @param payStatusColumn the payment status code, set to "paid" with the payment; default {@code pay_status}
 * @param transactionIdColumn the provider's transaction id, written with the payment; default {@code transaction_id}
 * @param payTimeColumn a {@code DATETIME}, when the payment completed; default {@code pay_time}
 * @param closeTimeColumn a {@code DATETIME}, when the order was closed; default {@code close_time}
 * @param createTimeColumn a {@code DATETIME}, when the order was created; read by the overdue search;
 *     default {@code create_time}
 * @param updateTimeColumn a {@code DATETIME}, touched by every transition; default {@code update_time}
 */
public record OrderTable(String name, String idColumn, String statusColumn, String payStatusColumn,
        String transactionIdColumn, String payTimeColumn, String closeTimeColumn, String createTimeColumn,
        String updateTimeColumn) {

    /**
     * Checks every name.
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    public OrderTable {
        SqlIdentifier.table("OrderTable.name", name);
        SqlIdentifier.column("OrderTable.idColumn", idColumn);
        SqlIdentifier.column("OrderTable.statusColumn", statusColumn);
        SqlIdentifier.column("OrderTable.payStatusColumn", payStatusColumn);
        SqlIdentifier.column("OrderTable.transactionIdColumn", transactionIdColumn);
        SqlIdentifier.column("OrderTable.payTimeColumn", payTimeColumn);
        SqlIdentifier.column("OrderTable.closeTimeColumn", closeTimeColumn);
        SqlIdentifier.column("OrderTable.createTimeColumn", createTimeColumn);
        SqlIdentifier.column("OrderTable.updateTimeColumn", updateTimeColumn);
    }

    /** The tutorial's {@code tb_order}. */
    public static OrderTable defaults() {
        return new OrderTable("tb_order", "id", "order_status", "pay_status", "transaction_id", "pay_time",
                "close_time", "create_time", "update_time");
    }

    public OrderTable withName(String name) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }

    public OrderTable withIdColumn(String idColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }

    public OrderTable withStatusColumn(String statusColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }

    public OrderTable withPayStatusColumn(String payStatusColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }

    public OrderTable withTransactionIdColumn(String transactionIdColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }

    public OrderTable withPayTimeColumn(String payTimeColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }

    public OrderTable withCloseTimeColumn(String closeTimeColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }

    public OrderTable withCreateTimeColumn(String createTimeColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }

    public OrderTable withUpdateTimeColumn(String updateTimeColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn);
    }
}
