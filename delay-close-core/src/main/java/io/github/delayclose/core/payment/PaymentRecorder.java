package io.github.delayclose.core.payment;

import java.util.Objects;

import io.github.delayclose.core.decision.CloseDecision;
import io.github.delayclose.core.decision.NotificationAction;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.Payment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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

    /** Records the payment of an order; idempotent, so repeated notifications are harmless. */
    public PaymentRecordResult record(String orderId, Payment payment) {
        return switch (CloseDecision.onPaymentNotification(orders.findStatus(orderId))) {
            case UNKNOWN_ORDER -> PaymentRecordResult.UNKNOWN_ORDER;
            case ALREADY_PAID -> PaymentRecordResult.DUPLICATE;
            case REPORT_LATE_PAYMENT -> reportLate(orderId, payment);
            case RECORD_PAYMENT -> recordUnpaid(orderId, payment);
        };
    }

    /**
     * Records the payment of an order believed to be unpaid, without reading it first; if the
     * order was closed meanwhile, reports the payment as late instead.
     */
    public PaymentRecordResult recordUnpaid(String orderId, Payment payment) {
        if (orders.markPaid(orderId, payment)) {
            return PaymentRecordResult.RECORDED;
        }
        // Lost the race: the order was closed or paid between the read and the update.
        return CloseDecision.onPaymentNotification(orders.findStatus(orderId)) == NotificationAction.REPORT_LATE_PAYMENT
                ? reportLate(orderId, payment)
                : PaymentRecordResult.DUPLICATE;
    }

    private PaymentRecordResult reportLate(String orderId, Payment payment) {
        log.warn("Payment " + payment.transactionId() + " arrived for order " + orderId
                + " after it was closed; the order stays closed, refunding is up to the shop");
        metrics.latePayment();
        events.publishEvent(new LatePaymentEvent(orderId, payment));
        return PaymentRecordResult.LATE;
    }
}
