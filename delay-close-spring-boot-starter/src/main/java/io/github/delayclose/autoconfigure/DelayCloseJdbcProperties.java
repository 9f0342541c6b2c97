package io.github.delayclose.autoconfigure;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The JDBC defaults for MySQL/MariaDB, under {@code delay-close.jdbc.*}: {@code JdbcOrderRepository}
 * and {@code JdbcStockRestorer} on the application's DataSource. The names default to the tutorial
 * schema shipped as Flyway migrations at {@code classpath:db/delay-close/mysql}.
 */
@ConfigurationProperties("delay-close.jdbc")
public class DelayCloseJdbcProperties {

    /** Whether to create the JDBC OrderRepository and StockRestorer (unless the application defines its own). */
    private boolean enabled;

    /** Time zone of the DATETIME columns; the JVM's zone when not set. */
    private ZoneId zone;

    /** Whether to write an order-log row for every transition. */
    private boolean orderLog = true;

    /** Operator written into order-log rows. */
    private String operator = "system";

    private final OrderTable orderTable = new OrderTable();

    private final OrderLogTable orderLogTable = new OrderLogTable();

    private final OrderItemTable orderItemTable = new OrderItemTable();

    private final SkuTable skuTable = new SkuTable();

    private final StockRestoreTable stockRestoreTable = new StockRestoreTable();

    private final StatusCodes statusCodes = new StatusCodes();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public boolean isOrderLog() {
        return orderLog;
    }

    public void setOrderLog(boolean orderLog) {
        this.orderLog = orderLog;
    }

    public String getOperator() {
        return operator;
    }

    public void setOperator(String operator) {
        this.operator = operator;
    }

    public OrderTable getOrderTable() {
        return orderTable;
    }

    public OrderLogTable getOrderLogTable() {
        return orderLogTable;
    }

    public OrderItemTable getOrderItemTable() {
        return orderItemTable;
    }

    public SkuTable getSkuTable() {
        return skuTable;
    }

    public StockRestoreTable getStockRestoreTable() {
        return stockRestoreTable;
    }

    public StatusCodes getStatusCodes() {
        return statusCodes;
    }

    /** The orders table. */
    public static class OrderTable {

        /** Table name. */
        private String name = "tb_order";

        /** Order id column. */
        private String idColumn = "id";

        /** Order status column. */
        private String statusColumn = "order_status";

        /** Payment status column. */
        private String payStatusColumn = "pay_status";

        /** Provider transaction id column. */
        private String transactionIdColumn = "transaction_id";

        /** Payment time column. */
        private String payTimeColumn = "pay_time";

        /** Close time column. */
        private String closeTimeColumn = "close_time";

        /** Creation time column; the sweep looks for old unpaid orders by it. */
        private String createTimeColumn = "create_time";

        /** Last-update time column. */
        private String updateTimeColumn = "update_time";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIdColumn() {
            return idColumn;
        }

        public void setIdColumn(String idColumn) {
            this.idColumn = idColumn;
        }

        public String getStatusColumn() {
            return statusColumn;
        }

        public void setStatusColumn(String statusColumn) {
            this.statusColumn = statusColumn;
        }

        public String getPayStatusColumn() {
            return payStatusColumn;
        }

        public void setPayStatusColumn(String payStatusColumn) {
            this.payStatusColumn = payStatusColumn;
        }

        public String getTransactionIdColumn() {
            return transactionIdColumn;
        }

        public void setTransactionIdColumn(String transactionIdColumn) {
            this.transactionIdColumn = transactionIdColumn;
        }

        public String getPayTimeColumn() {
            return payTimeColumn;
        }

        public void setPayTimeColumn(String payTimeColumn) {
            this.payTimeColumn = payTimeColumn;
        }

        public String getCloseTimeColumn() {
            return closeTimeColumn;
        }

        public void setCloseTimeColumn(String closeTimeColumn) {
            this.closeTimeColumn = closeTimeColumn;
        }

        public String getCreateTimeColumn() {
            return createTimeColumn;
        }

        public void setCreateTimeColumn(String createTimeColumn) {
            this.createTimeColumn = createTimeColumn;
        }

        public String getUpdateTimeColumn() {
            return updateTimeColumn;
        }

        public void setUpdateTimeColumn(String updateTimeColumn) {
            this.updateTimeColumn = updateTimeColumn;
        }

        io.github.delayclose.defaults.jdbc.OrderTable toOrderTable() {
            return new io.github.delayclose.defaults.jdbc.OrderTable(name, idColumn, statusColumn, payStatusColumn, transactionIdColumn, payTimeColumn, closeTimeColumn, createTimeColumn, updateTimeColumn);
        }
    }

    /** The order log table; a row is written for every transition. */
    public static class OrderLogTable {

        /** Table name. */
        private String name = "tb_order_log";

        /** Log row id column. */
        private String idColumn = "id";

        /** Operator column (the tutorial's spelling). */
        private String operatorColumn = "operater";

        /** Time column. */
        private String operateTimeColumn = "operate_time";

        /** Order id column. */
        private String orderIdColumn = "order_id";

        /** New order status column. */
        private String statusColumn = "order_status";

        /** New payment status column. */
        private String payStatusColumn = "pay_status";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIdColumn() {
            return idColumn;
        }

        public void setIdColumn(String idColumn) {
            this.idColumn = idColumn;
        }

        public String getOperatorColumn() {
            return operatorColumn;
        }

        public void setOperatorColumn(String operatorColumn) {
            this.operatorColumn = operatorColumn;
        }

        public String getOperateTimeColumn() {
            return operateTimeColumn;
        }

        public void setOperateTimeColumn(String operateTimeColumn) {
            this.operateTimeColumn = operateTimeColumn;
        }

        public String getOrderIdColumn() {
            return orderIdColumn;
        }

        public void setOrderIdColumn(String orderIdColumn) {
            this.orderIdColumn = orderIdColumn;
        }

        public String getStatusColumn() {
            return statusColumn;
        }

        public void setStatusColumn(String statusColumn) {
            this.statusColumn = statusColumn;
        }

        public String getPayStatusColumn() {
            return payStatusColumn;
        }

        public void setPayStatusColumn(String payStatusColumn) {
            this.payStatusColumn = payStatusColumn;
        }

        io.github.delayclose.defaults.jdbc.OrderLogTable toOrderLogTable() {
            return new io.github.delayclose.defaults.jdbc.OrderLogTable(name, idColumn, operatorColumn, operateTimeColumn, orderIdColumn, statusColumn, payStatusColumn);
        }
    }

    /** The order items table. */
    public static class OrderItemTable {

        /** Table name. */
        private String name = "tb_order_item";

        /** Order id column. */
        private String orderIdColumn = "order_id";

        /** SKU id column. */
        private String skuIdColumn = "sku_id";

        /** Quantity column. */
        private String quantityColumn = "num";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getOrderIdColumn() {
            return orderIdColumn;
        }

        public void setOrderIdColumn(String orderIdColumn) {
            this.orderIdColumn = orderIdColumn;
        }

        public String getSkuIdColumn() {
            return skuIdColumn;
        }

        public void setSkuIdColumn(String skuIdColumn) {
            this.skuIdColumn = skuIdColumn;
        }

        public String getQuantityColumn() {
            return quantityColumn;
        }

        public void setQuantityColumn(String quantityColumn) {
            this.quantityColumn = quantityColumn;
        }

        io.github.delayclose.defaults.jdbc.OrderItemTable toOrderItemTable() {
            return new io.github.delayclose.defaults.jdbc.OrderItemTable(name, orderIdColumn, skuIdColumn, quantityColumn);
        }
    }

    /** The SKU (stock) table. */
    public static class SkuTable {

        /** Table name. */
        private String name = "tb_sku";

        /** SKU id column. */
        private String idColumn = "id";

        /** Stock column; a close adds the item quantity back. */
        private String stockColumn = "num";

        /** Sales column; a close takes the item quantity back. */
        private String salesColumn = "sale_num";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getIdColumn() {
            return idColumn;
        }

        public void setIdColumn(String idColumn) {
            this.idColumn = idColumn;
        }

        public String getStockColumn() {
            return stockColumn;
        }

        public void setStockColumn(String stockColumn) {
            this.stockColumn = stockColumn;
        }

        public String getSalesColumn() {
            return salesColumn;
        }

        public void setSalesColumn(String salesColumn) {
            this.salesColumn = salesColumn;
        }

        io.github.delayclose.defaults.jdbc.SkuTable toSkuTable() {
            return new io.github.delayclose.defaults.jdbc.SkuTable(name, idColumn, stockColumn, salesColumn);
        }
    }

    /** The marker table that makes stock restores idempotent per order. */
    public static class StockRestoreTable {

        /** Table name. */
        private String name = "tb_stock_restore";

        /** Order id column (primary key). */
        private String orderIdColumn = "order_id";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getOrderIdColumn() {
            return orderIdColumn;
        }

        public void setOrderIdColumn(String orderIdColumn) {
            this.orderIdColumn = orderIdColumn;
        }

        io.github.delayclose.defaults.jdbc.StockRestoreTable toStockRestoreTable() {
            return new io.github.delayclose.defaults.jdbc.StockRestoreTable(name, orderIdColumn);
        }
    }

    /** The codes stored in the status columns. */
    public static class StatusCodes {

        /** Order status of an unpaid order. */
        private String unpaid = "0";

        /** Order status of a paid order. */
        private String paid = "1";

        /** Order status of a closed order. */
        private String closed = "4";

        /** Payment status of an unpaid order. */
        private String payStatusUnpaid = "0";

        /** Payment status of a paid order. */
        private String payStatusPaid = "1";

        public String getUnpaid() {
            return unpaid;
        }

        public void setUnpaid(String unpaid) {
            this.unpaid = unpaid;
        }

        public String getPaid() {
            return paid;
        }

        public void setPaid(String paid) {
            this.paid = paid;
        }

        public String getClosed() {
            return closed;
        }

        public void setClosed(String closed) {
            this.closed = closed;
        }

        public String getPayStatusUnpaid() {
            return payStatusUnpaid;
        }

        public void setPayStatusUnpaid(String payStatusUnpaid) {
            this.payStatusUnpaid = payStatusUnpaid;
        }

        public String getPayStatusPaid() {
            return payStatusPaid;
        }

        public void setPayStatusPaid(String payStatusPaid) {
            this.payStatusPaid = payStatusPaid;
        }

        io.github.delayclose.defaults.jdbc.OrderStatusCodes toOrderStatusCodes() {
            return new io.github.delayclose.defaults.jdbc.OrderStatusCodes(unpaid, paid, closed, payStatusUnpaid, payStatusPaid);
        }
    }
}
