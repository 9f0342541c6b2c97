package io.github.delayclose.jdbc;

import org.jspecify.annotations.Nullable;

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
 * @param deadlineColumn optional: a {@code DATETIME(3)}, the order's payment deadline. With it, orders
 *     can have deadlines of their own and move them, and the overdue search reads deadlines; without
 *     it, every order's deadline is its creation time plus the payment window. Default: none
 * @param channelColumn optional: the payment channel an order is paid through (for example
 *     {@code wxpay}), when several gateways are configured. Default: none
 * @param amountColumn optional: the amount due in the currency's minor unit (fen), checked against
 *     the amount a payment reports. Default: none
 */
public record OrderTable(String name, String idColumn, String statusColumn, String payStatusColumn,
        String transactionIdColumn, String payTimeColumn, String closeTimeColumn, String createTimeColumn,
        String updateTimeColumn, @Nullable String deadlineColumn, @Nullable String channelColumn,
        @Nullable String amountColumn) {

    /**
     * Checks every name; a {@code null} name stands for its default, so that configuration
     * properties need to state only what differs from the tutorial.
     *
     * @throws IllegalArgumentException when a name is not a plain SQL identifier
     */
    public OrderTable(@Nullable String name, @Nullable String idColumn, @Nullable String statusColumn,
            @Nullable String payStatusColumn, @Nullable String transactionIdColumn, @Nullable String payTimeColumn,
            @Nullable String closeTimeColumn, @Nullable String createTimeColumn, @Nullable String updateTimeColumn,
            @Nullable String deadlineColumn, @Nullable String channelColumn, @Nullable String amountColumn) {
        this.name = SqlIdentifier.table("OrderTable.name", name, "tb_order");
        this.idColumn = SqlIdentifier.column("OrderTable.idColumn", idColumn, "id");
        this.statusColumn = SqlIdentifier.column("OrderTable.statusColumn", statusColumn, "order_status");
        this.payStatusColumn = SqlIdentifier.column("OrderTable.payStatusColumn", payStatusColumn, "pay_status");
        this.transactionIdColumn = SqlIdentifier.column("OrderTable.transactionIdColumn", transactionIdColumn, "transaction_id");
        this.payTimeColumn = SqlIdentifier.column("OrderTable.payTimeColumn", payTimeColumn, "pay_time");
        this.closeTimeColumn = SqlIdentifier.column("OrderTable.closeTimeColumn", closeTimeColumn, "close_time");
        this.createTimeColumn = SqlIdentifier.column("OrderTable.createTimeColumn", createTimeColumn, "create_time");
        this.updateTimeColumn = SqlIdentifier.column("OrderTable.updateTimeColumn", updateTimeColumn, "update_time");
        this.deadlineColumn = SqlIdentifier.optionalColumn("OrderTable.deadlineColumn", deadlineColumn);
        this.channelColumn = SqlIdentifier.optionalColumn("OrderTable.channelColumn", channelColumn);
        this.amountColumn = SqlIdentifier.optionalColumn("OrderTable.amountColumn", amountColumn);
    }

    /** The tutorial's {@code tb_order}. */
    public static OrderTable defaults() {
        return new OrderTable(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public OrderTable withName(String name) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withIdColumn(String idColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withStatusColumn(String statusColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withPayStatusColumn(String payStatusColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withTransactionIdColumn(String transactionIdColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withPayTimeColumn(String payTimeColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withCloseTimeColumn(String closeTimeColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withCreateTimeColumn(String createTimeColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withUpdateTimeColumn(String updateTimeColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withDeadlineColumn(@Nullable String deadlineColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withChannelColumn(@Nullable String channelColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }

    public OrderTable withAmountColumn(@Nullable String amountColumn) {
        return new OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn,
                closeTimeColumn, createTimeColumn, updateTimeColumn, deadlineColumn, channelColumn, amountColumn);
    }
}
