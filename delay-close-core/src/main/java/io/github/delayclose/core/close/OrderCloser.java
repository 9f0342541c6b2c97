package io.github.delayclose.core.close;

import java.time.Clock;
import java.util.Objects;

import io.github.delayclose.core.decision.CloseAction;
import io.github.delayclose.core.decision.CloseDecision;
import io.github.delayclose.core.payment.PaymentNotificationResult;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.spi.CloseOutcome;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.core.spi.TradeQuery;
import io.github.delayclose.core.spi.TradeState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies the {@link CloseDecision} to one order through the three SPIs.
 *
 * <p>Provider calls happen outside any local transaction (a slow provider must not hold database
 * locks); the local close and the stock restore share one transaction when the application has a
 * transaction manager. Every step is safe to repeat: the local transitions are compare-and-set, so
 * a redelivered message or a second instance ends in the same state and stock moves once.
 */
public final class OrderCloser {

    private static final Log log = LogFactory.getLog(OrderCloser.class);

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final StockRestorer stock;
    private final PaymentRecorder payments;
    private final TransactionOperations transactions;
    private final Clock clock;

    public OrderCloser(OrderRepository orders, PaymentGateway gateway, StockRestorer stock, PaymentRecorder payments,
            TransactionOperations transactions, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.stock = Objects.requireNonNull(stock, "stock");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Closes the order if it is still unpaid and the provider agrees, or records the payment the
     * shop missed.
     *
     * @throws CloseFailedException when the order is unknown or the provider gave no trustworthy
     *     answer; nothing was changed locally in that case
     */
    public CloseResult close(String orderId) {
        CloseAction first = CloseDecision.onTimeout(orders.findStatus(orderId));
        switch (first) {
            case NOTHING:
                return CloseResult.ALREADY_FINAL;
            case RETRY_ORDER_NOT_FOUND:
                throw new CloseFailedException(FailureReason.ORDER_NOT_FOUND, "order " + orderId + " not found");
            default:
                break;
        }
        TradeQuery answer = queryProvider(orderId);
        return switch (CloseDecision.onTradeState(answer.state())) {
            case COMPENSATE_AS_PAID -> compensate(orderId, answer);
            case CLOSE_AT_PROVIDER -> closeAtProviderThenLocally(orderId);
            case CLOSE_LOCALLY -> closeLocally(orderId, answer.state());
            case RECHECK_LATER -> CloseResult.STILL_PAYING;
            default -> throw new IllegalStateException("no rule for " + answer.state());
        };
    }

    private CloseResult closeAtProviderThenLocally(String orderId) {
        CloseOutcome outcome;
        try {
            outcome = gateway.closeOrder(orderId);
        }
        catch (PaymentGatewayException ex) {
            throw providerFailure(orderId, "close", ex);
        }
        if (CloseDecision.onCloseOutcome(outcome) == CloseAction.REQUERY_AND_COMPENSATE) {
            // The payer paid between our query and our close: the provider refused to close, so
            // the payment is real. Ask again to learn its transaction id.
            TradeQuery requery = queryProvider(orderId);
            if (!requery.state().isPaid()) {
                throw new CloseFailedException(FailureReason.PROVIDER_ERROR, "provider refused to close order "
                        + orderId + " as paid, but its trade state is " + requery.state());
            }
            return compensate(orderId, requery);
        }
        return closeLocally(orderId, TradeState.NOTPAY);
    }

    private CloseResult closeLocally(String orderId, TradeState providerState) {
        Boolean closed = transactions.execute(tx -> {
            boolean won = orders.markClosed(orderId, clock.instant());
            if (won) {
                stock.restore(orderId);
            }
            return won;
        });
        if (Boolean.TRUE.equals(closed)) {
            log.info("Closed unpaid order " + orderId + " (provider said " + providerState + ")");
            return CloseResult.CLOSED;
        }
        return CloseResult.ALREADY_FINAL;
    }

    private CloseResult compensate(String orderId, TradeQuery answer) {
        // Through the recorder, so that a payment finding the order closed meanwhile is reported
        // as late exactly as a late payment notification would be.
        if (payments.recordUnpaid(orderId, answer.payment().orElseThrow()) == PaymentNotificationResult.RECORDED) {
            log.info("Order " + orderId + " was paid at the provider (" + answer.state()
                    + ") but not locally: recorded the payment");
            return CloseResult.COMPENSATED_AS_PAID;
        }
        return CloseResult.ALREADY_FINAL;
    }

    private TradeQuery queryProvider(String orderId) {
        try {
            return gateway.queryTrade(orderId);
        }
        catch (PaymentGatewayException ex) {
            throw providerFailure(orderId, "query", ex);
        }
    }

    private static CloseFailedException providerFailure(String orderId, String call, PaymentGatewayException ex) {
        return new CloseFailedException(FailureReason.PROVIDER_ERROR,
                "provider " + call + " for order " + orderId + " failed: " + ex.getMessage(), ex);
    }
}
