package io.github.delayclose.core.payment;

import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.decision.CloseDecision;
import io.github.delayclose.core.decision.NotificationAction;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderSnapshot;
import io.github.delayclose.core.spi.Payment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Records a payment that the provider notified, without ever reviving a closed order. Call it
 * from the endpoint that receives the provider's (already verified) payment notifications.
 */
public final class PaymentRecorder {

    private static final Log log = LogFactory.getLog(PaymentRecorder.class);

    private final OrderRepository orders;
    private final ApplicationEventPublisher events;
    private final DelayCloseMetrics metrics;

    public PaymentRecorder(OrderRepository orders, ApplicationEventPublisher events, DelayCloseMetrics metrics) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.events = Objects.requireNonNull(events, "events");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Records the payment of an order; idempotent, so repeated notifications are harmless. When the
     * payment states its amount and the repository stores the order's
     * ({@link OrderSnapshot#amount()}), they must match: a payment of another amount is not recorded
     * but reported ({@link PaymentAmountMismatchEvent}, {@code delay.close.amount.mismatches}).
     */
    public PaymentRecordResult record(String orderId, Payment payment) {
        Optional<OrderSnapshot> order = orders.findOrder(orderId);
        return switch (CloseDecision.onPaymentNotification(order.map(OrderSnapshot::status))) {
            case UNKNOWN_ORDER -> PaymentRecordResult.UNKNOWN_ORDER;
            case ALREADY_PAID -> PaymentRecordResult.DUPLICATE;
            case REPORT_LATE_PAYMENT -> reportLate(orderId, payment);
            case RECORD_PAYMENT -> recordUnpaid(orderId, payment, order.get().amount());
        };
    }

    /**
     * Records the payment of an order believed to be unpaid, without reading it first; if the
     * order was closed meanwhile, reports the payment as late instead.
     */
    public PaymentRecordResult recordUnpaid(String orderId, Payment payment) {
        return recordUnpaid(orderId, payment, null);
    }

    /**
     * Records the payment of an order believed to be unpaid, checking its amount against
     * {@code expectedAmount} first when both are known.
     */
    public PaymentRecordResult recordUnpaid(String orderId, Payment payment, @Nullable Long expectedAmount) {
        if (expectedAmount != null && payment.amount() != null && !expectedAmount.equals(payment.amount())) {
            return reportMismatch(orderId, expectedAmount, payment);
        }
        if (orders.markPaid(orderId, payment)) {
            return PaymentRecordResult.RECORDED;
        }
        // Lost the race: the order was closed or paid between the read and the update.
        return CloseDecision.onPaymentNotification(orders.findStatus(orderId)) == NotificationAction.REPORT_LATE_PAYMENT
                ? reportLate(orderId, payment)
                : PaymentRecordResult.DUPLICATE;
    }

    private PaymentRecordResult reportMismatch(String orderId, long expectedAmount, Payment payment) {
        log.error("Payment " + payment.transactionId() + " for order " + orderId + " is for " + payment.amount()
                + ", but the order is for " + expectedAmount + "; it is not recorded as the order's payment");
        metrics.amountMismatch();
        events.publishEvent(new PaymentAmountMismatchEvent(orderId, expectedAmount, payment));
        return PaymentRecordResult.AMOUNT_MISMATCH;
    }

    private PaymentRecordResult reportLate(String orderId, Payment payment) {
        log.warn("Payment " + payment.transactionId() + " arrived for order " + orderId
                + " after it was closed; the order stays closed, refunding is up to the shop");
        metrics.latePayment();
        events.publishEvent(new LatePaymentEvent(orderId, payment));
        return PaymentRecordResult.LATE;
    }
}
