package io.github.delayclose.core.close;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.decision.CloseAnswerAction;
import io.github.delayclose.core.decision.CloseDecision;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderSnapshot;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
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

    /**
     * How early a message may arrive and still close its order: brokers expire messages to the
     * millisecond, but clocks of two machines differ by a little.
     */
    private static final Duration EARLY_TOLERANCE = Duration.ofMillis(500);

    private final OrderRepository orders;
    private final PaymentGateway gateway;
    private final StockRestorer stock;
    private final PaymentRecorder payments;
    private final TransactionOperations transactions;
    private final DatabaseGate database;
    private final AttemptLedger attempts;
    private final Clock clock;

    public OrderCloser(OrderRepository orders, PaymentGateway gateway, StockRestorer stock, PaymentRecorder payments,
            TransactionOperations transactions, Clock clock) {
        this(orders, gateway, stock, payments, transactions, DatabaseGate.unbounded(), AttemptLedger.none(), clock);
    }

    /**
     * @param database bounds how many closes use the database at once; provider calls never hold it
     * @param attempts the close-attempt state, to recognise stale copies of a message
     */
    public OrderCloser(OrderRepository orders, PaymentGateway gateway, StockRestorer stock, PaymentRecorder payments,
            TransactionOperations transactions, DatabaseGate database, AttemptLedger attempts, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.stock = Objects.requireNonNull(stock, "stock");
        this.payments = Objects.requireNonNull(payments, "payments");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.database = Objects.requireNonNull(database, "database");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Closes the order if it is still unpaid and the provider agrees, or records the payment the
     * shop missed.
     *
     * @throws CloseFailedException when the order is unknown or the provider gave no trustworthy
     *     answer; nothing was changed locally in that case
     */
    public TimeoutOutcome close(String orderId) {
        return close(TimeoutMessage.scheduled(orderId, null)).outcome();
    }

    /**
     * Handles one timeout message: as {@link #close(String)}, and before asking the provider, sends
     * the message back when the order's deadline has not come yet, and drops it when a newer copy of
     * the order's message owns its close.
     *
     * @throws CloseFailedException when the order is unknown or the provider gave no trustworthy
     *     answer; nothing was changed locally in that case
     */
    public TimeoutResult close(TimeoutMessage message) {
        String orderId = message.orderId();
        Optional<OrderSnapshot> order = database.call(() -> orders.findOrder(orderId));
        return switch (CloseDecision.onTimeout(order.map(OrderSnapshot::status))) {
            case NOTHING -> TimeoutResult.of(TimeoutOutcome.ALREADY_FINAL);
            case RETRY_ORDER_NOT_FOUND ->
                throw new CloseFailedException(FailureReason.ORDER_NOT_FOUND, "order " + orderId + " not found");
            case QUERY_PROVIDER -> closeUnpaid(message, order.get());
        };
    }

    private TimeoutResult closeUnpaid(TimeoutMessage message, OrderSnapshot order) {
        // The order's own deadline wins over the message's: it may have been moved after the message left.
        Instant deadline = order.deadline() != null ? order.deadline() : message.deadline();
        if (deadline != null && deadline.isAfter(clock.instant().plus(EARLY_TOLERANCE))) {
            return TimeoutResult.notYetDue(deadline);
        }
        if (attempts.isStale(message)) {
            return TimeoutResult.of(TimeoutOutcome.STALE_COPY, deadline);
        }
        String orderId = message.orderId();
        String channel = order.channel();
        TradeReport answer = queryProvider(orderId, channel);
        return TimeoutResult.of(switch (CloseDecision.onTradeState(answer.state())) {
            case COMPENSATE_AS_PAID -> compensate(orderId, answer, order.amount());
            case CLOSE_AT_PROVIDER -> closeAtProviderThenLocally(orderId, channel, order.amount());
            case CLOSE_LOCALLY -> closeLocally(orderId, answer.state());
            case RECHECK_LATER -> TimeoutOutcome.STILL_PAYING;
        }, deadline); // the deadline tells how late the order closed
    }

    private TimeoutOutcome closeAtProviderThenLocally(String orderId, @Nullable String channel, @Nullable Long amount) {
        TradeCloseResult outcome;
        try {
            outcome = gateway.closeOrder(orderId, channel);
        }
        catch (PaymentGatewayException ex) {
            throw providerFailure(orderId, "close", ex);
        }
        if (CloseDecision.onCloseAnswer(outcome) == CloseAnswerAction.REQUERY_AND_COMPENSATE) {
            // The payer paid between our query and our close: the provider refused to close, so
            // the payment is real. Ask again to learn its transaction id.
            TradeReport requery = queryProvider(orderId, channel);
            if (!requery.state().isPaid()) {
                throw new CloseFailedException(FailureReason.PROVIDER_ERROR, "provider refused to close order "
                        + orderId + " as paid, but its trade state is " + requery.state());
            }
            return compensate(orderId, requery, amount);
        }
        return closeLocally(orderId, TradeState.NOTPAY);
    }

    private TimeoutOutcome closeLocally(String orderId, TradeState providerState) {
        Boolean closed = database.call(() -> transactions.execute(tx -> {
            boolean won = orders.markClosed(orderId, clock.instant());
            if (won) {
                stock.restore(orderId);
            }
            return won;
        }));
        if (Boolean.TRUE.equals(closed)) {
            // The close log (CloseLog) already says CLOSED once per order at INFO; this line only adds
            // the provider's state, so it is DEBUG: a sale's thousands of closes do not log twice.
            if (log.isDebugEnabled()) {
                log.debug("Closed unpaid order " + orderId + " (provider said " + providerState + ")");
            }
            return TimeoutOutcome.CLOSED;
        }
        return TimeoutOutcome.ALREADY_FINAL;
    }

    private TimeoutOutcome compensate(String orderId, TradeReport answer, @Nullable Long amount) {
        // Through the recorder, so that a payment finding the order closed meanwhile is reported
        // as late exactly as a late payment notification would be.
        Payment payment = answer.payment().orElseThrow();
        return switch (database.call(() -> payments.recordUnpaid(orderId, payment, amount))) {
            case RECORDED -> {
                log.info("Order " + orderId + " was paid at the provider (" + answer.state()
                        + ") but not locally: recorded the payment");
                yield TimeoutOutcome.COMPENSATED_AS_PAID;
            }
            case AMOUNT_MISMATCH -> throw new CloseFailedException(FailureReason.AMOUNT_MISMATCH, "provider reports order "
                    + orderId + " paid with " + payment.amount() + ", but the order is for " + amount);
            case DUPLICATE, LATE, UNKNOWN_ORDER -> TimeoutOutcome.ALREADY_FINAL;
        };
    }

    private TradeReport queryProvider(String orderId, @Nullable String channel) {
        try {
            return gateway.queryTrade(orderId, channel);
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
