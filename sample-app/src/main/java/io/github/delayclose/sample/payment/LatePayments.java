package io.github.delayclose.sample.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.delayclose.core.payment.LatePaymentEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Payments that arrived after their order was closed. The order stays closed (its stock may be sold
 * again already); a real shop would refund here or alert someone. The demo keeps the latest ones in
 * memory so that the page can mark them.
 */
@Component
public class LatePayments {

    private static final Log log = LogFactory.getLog(LatePayments.class);

    private static final int KEEP = 100;

    private final Deque<LatePayment> latest = new ArrayDeque<>();

    private final Clock clock = Clock.systemUTC();

    @EventListener
    public void onLatePayment(LatePaymentEvent event) {
        synchronized (latest) {
            // WeChat resends a notification until it is acknowledged: count each payment once.
            if (latest.stream().anyMatch(late -> late.orderId().equals(event.orderId())
                    && late.transactionId().equals(event.payment().transactionId()))) {
                return;
            }
            log.warn("LATE PAYMENT: order " + event.orderId() + " was paid (WeChat transaction "
                    + event.payment().transactionId() + ") after it had been closed; it stays closed: refund the payer");
            latest.addFirst(new LatePayment(event.orderId(), event.payment().transactionId(), event.payment().paidAt(),
                    clock.instant()));
            while (latest.size() > KEEP) {
                latest.removeLast();
            }
        }
    }

    /** The latest late payments, newest first. */
    public List<LatePayment> latest() {
        synchronized (latest) {
            return List.copyOf(latest);
        }
    }

    /**
     * A payment that arrived for a closed order.
     *
     * @param orderId the closed order
     * @param transactionId WeChat's transaction id, to refund
     * @param paidAt when WeChat says the payer paid
     * @param reportedAt when the shop learnt of it
     */
    public record LatePayment(String orderId, String transactionId, Instant paidAt, Instant reportedAt) {
    }
}
