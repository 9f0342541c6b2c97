package io.github.delayclose.sample.payment;

import java.time.Instant;
import java.util.List;

import io.github.delayclose.core.payment.LatePaymentEvent;
import io.github.delayclose.sample.shop.DatetimeColumns;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Payments that arrived after their order was closed, kept in {@code tb_late_payment}. The order
 * stays closed (its stock may be sold again already); a real shop would refund here or alert
 * someone. The row is written while the notification is being handled: if that fails, the
 * exception reaches the notification endpoint, which answers FAIL, and WeChat Pay sends the
 * notification again later.
 */
@Component
public class LatePayments {

    private static final Log log = LogFactory.getLog(LatePayments.class);

    /** How many the page lists. */
    private static final int LIST_LIMIT = 100;

    private final JdbcClient jdbc;

    private final DatetimeColumns times;

    LatePayments(JdbcClient jdbc, DatetimeColumns times) {
        this.jdbc = jdbc;
        this.times = times;
    }

    @EventListener
    public void onLatePayment(LatePaymentEvent event) {
        String transactionId = event.payment().transactionId();
        int inserted;
        try {
            // The amount is the order's: the endpoint checked that the notification's total_fee matches it.
            inserted = jdbc.sql("INSERT INTO tb_late_payment (order_id, transaction_id, total_fee, paid_at, recorded_at) "
                            + "SELECT id, ?, total_money, ?, ? FROM tb_order WHERE id = ?")
                    .params(transactionId, times.write(event.payment().paidAt()), times.now(), event.orderId())
                    .update();
        }
        catch (DuplicateKeyException ex) {
            // WeChat resends a notification until it is acknowledged: each payment is recorded once.
            log.info("Late payment " + transactionId + " for order " + event.orderId() + " was recorded before");
            return;
        }
        if (inserted != 1) {
            throw new IllegalStateException("late payment " + transactionId + " for order " + event.orderId()
                    + " not recorded: no such order");
        }
        log.warn("LATE PAYMENT: order " + event.orderId() + " was paid (WeChat transaction " + transactionId
                + ") after it had been closed; it stays closed: refund the payer");
    }

    /** The latest late payments, newest first. */
    public List<LatePayment> latest() {
        return jdbc.sql("SELECT order_id, transaction_id, total_fee, paid_at, recorded_at FROM tb_late_payment "
                        + "ORDER BY id DESC LIMIT ?")
                .param(LIST_LIMIT)
                .query((rs, row) -> new LatePayment(rs.getString("order_id"), rs.getString("transaction_id"),
                        rs.getLong("total_fee"), times.readRequired(rs, "paid_at"),
                        times.readRequired(rs, "recorded_at")))
                .list();
    }

    /**
     * A payment that arrived for a closed order.
     *
     * @param orderId the closed order
     * @param transactionId WeChat's transaction id, to refund
     * @param totalFee the amount paid, in fen
     * @param paidAt when WeChat says the payer paid (whole seconds)
     * @param recordedAt when the shop learnt of it (whole seconds)
     */
    public record LatePayment(String orderId, String transactionId, long totalFee, Instant paidAt, Instant recordedAt) {
    }
}
