package io.github.delayclose.bench.app.tutorial;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tutorial's {@code OrderServiceImpl.closeOrder}, step for step, in one transaction that also
 * spans both provider calls: read the order; stop unless it is unpaid; query WeChat Pay; on SUCCESS
 * record the payment; on NOTPAY close the order, write the log, give the stock back item by item,
 * and close the WeChat order. Any other trade state does nothing, as in the tutorial.
 *
 * <p>One addition: it writes the {@code tb_stock_restore} marker, so the bench checks both designs
 * with the same end-state rules. That is one more single-row insert per close for the baseline.
 */
final class TutorialOrderService {

    private static final String UNPAID = "0";
    private static final String PAID = "1";
    private static final String CLOSED = "4";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PaymentGateway wxPay;

    TutorialOrderService(JdbcTemplate jdbc, TransactionTemplate transactions, PaymentGateway wxPay) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.wxPay = wxPay;
    }

    void closeOrder(String orderId) {
        transactions.executeWithoutResult(tx -> {
            List<String> status = jdbc.queryForList("SELECT order_status FROM tb_order WHERE id = ?", String.class, orderId);
            if (status.isEmpty()) {
                throw new IllegalStateException("order " + orderId + " does not exist");
            }
            if (!UNPAID.equals(status.get(0))) {
                return; // nothing to close
            }
            TradeReport trade = wxPay.queryTrade(orderId);
            if (trade.state() == TradeState.SUCCESS) {
                updatePayStatus(orderId, trade.payment().orElseThrow());
            }
            if (trade.state() == TradeState.NOTPAY) {
                LocalDateTime now = LocalDateTime.now();
                jdbc.update("UPDATE tb_order SET order_status = ?, close_time = ?, update_time = ? WHERE id = ?",
                        CLOSED, Timestamp.valueOf(now), Timestamp.valueOf(now), orderId);
                writeLog(orderId, CLOSED, UNPAID, now);
                resumeStock(orderId);
                wxPay.closeOrder(orderId);
            }
        });
    }

    private void updatePayStatus(String orderId, Payment payment) {
        LocalDateTime now = LocalDateTime.now();
        jdbc.update("UPDATE tb_order SET order_status = ?, pay_status = ?, transaction_id = ?, pay_time = ?,"
                + " update_time = ? WHERE id = ?", PAID, PAID, payment.transactionId(), Timestamp.valueOf(now),
                Timestamp.valueOf(now), orderId);
        writeLog(orderId, PAID, PAID, now);
    }

    private void writeLog(String orderId, String orderStatus, String payStatus, LocalDateTime at) {
        // The tutorial's idWorker.nextId(); any unique id of at most 32 characters does here.
        jdbc.update("INSERT INTO tb_order_log (id, operater, operate_time, order_id, order_status, pay_status)"
                + " VALUES (?, 'system', ?, ?, ?, ?)", UUID.randomUUID().toString().replace("-", ""),
                Timestamp.valueOf(at), orderId, orderStatus, payStatus);
    }

    /** The tutorial's {@code skuFeign.resumeStockNum(skuId, num)} for every item of the order. */
    private void resumeStock(String orderId) {
        jdbc.query("SELECT sku_id, num FROM tb_order_item WHERE order_id = ?",
                (rs, row) -> new Item(rs.getString(1), rs.getInt(2)), orderId)
                .forEach(item -> jdbc.update("UPDATE tb_sku SET num = num + ?, sale_num = sale_num - ? WHERE id = ?",
                        item.quantity(), item.quantity(), item.skuId()));
        jdbc.update("INSERT INTO tb_stock_restore (order_id) VALUES (?)", orderId);
    }

    private record Item(String skuId, int quantity) {
    }
}
