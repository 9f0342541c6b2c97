package io.github.delayclose.core.decision;

import java.util.Optional;

import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeState;

/**
 * The close decision table, as pure functions of what is known at each step. No I/O happens here,
 * so every row of the table is a plain unit test. Each step answers with its own enum, so every
 * caller's {@code switch} is checked for completeness by the compiler.
 *
 * <table>
 *   <caption>The decision table</caption>
 *   <tr><th>local state</th><th>provider says</th><th>action</th></tr>
 *   <tr><td>PAID or CLOSED</td><td>—</td><td>{@link LocalStateAction#NOTHING}</td></tr>
 *   <tr><td>unknown</td><td>—</td><td>{@link LocalStateAction#RETRY_ORDER_NOT_FOUND}</td></tr>
 *   <tr><td>UNPAID</td><td>SUCCESS, REFUND</td><td>{@link TradeStateAction#COMPENSATE_AS_PAID}</td></tr>
 *   <tr><td>UNPAID</td><td>NOTPAY</td><td>{@link TradeStateAction#CLOSE_AT_PROVIDER}</td></tr>
 *   <tr><td>UNPAID</td><td>close answers ORDERPAID</td><td>{@link CloseAnswerAction#REQUERY_AND_COMPENSATE}</td></tr>
 *   <tr><td>UNPAID</td><td>CLOSED, REVOKED, PAYERROR, not found</td><td>{@link TradeStateAction#CLOSE_LOCALLY}</td></tr>
 *   <tr><td>UNPAID</td><td>USERPAYING, ACCEPT</td><td>{@link TradeStateAction#RECHECK_LATER}</td></tr>
 *   <tr><td>UNPAID</td><td>error, timeout, bad signature, malformed</td><td>no action: the gateway throws
 *       {@link io.github.delayclose.core.spi.PaymentGatewayException} and the closer retries</td></tr>
 *   <tr><td>CLOSED</td><td>payment notification</td><td>{@link NotificationAction#REPORT_LATE_PAYMENT}</td></tr>
 * </table>
 */
public final class CloseDecision {

    private CloseDecision() {
    }

    /** First step, when the payment window ends: look at the local state only. */
    public static LocalStateAction onTimeout(Optional<OrderStatus> localStatus) {
        if (localStatus.isEmpty()) {
            return LocalStateAction.RETRY_ORDER_NOT_FOUND;
        }
        return switch (localStatus.get()) {
            case UNPAID -> LocalStateAction.QUERY_PROVIDER;
            case PAID, CLOSED -> LocalStateAction.NOTHING;
        };
    }

    /** Second step, for an unpaid order: the provider's trade state. */
    public static TradeStateAction onTradeState(TradeState providerState) {
        return switch (providerState) {
            case SUCCESS, REFUND -> TradeStateAction.COMPENSATE_AS_PAID;
            case NOTPAY -> TradeStateAction.CLOSE_AT_PROVIDER;
            case CLOSED, REVOKED, PAYERROR, NOT_FOUND -> TradeStateAction.CLOSE_LOCALLY;
            case USERPAYING, ACCEPT -> TradeStateAction.RECHECK_LATER;
        };
    }

    /** Third step, after asking the provider to close: its answer. */
    public static CloseAnswerAction onCloseAnswer(TradeCloseResult answer) {
        return switch (answer) {
            case CLOSED, ALREADY_CLOSED -> CloseAnswerAction.CLOSE_LOCALLY;
            case ALREADY_PAID -> CloseAnswerAction.REQUERY_AND_COMPENSATE;
        };
    }

    /** A payment notification from the provider, given the order's local state. */
    public static NotificationAction onPaymentNotification(Optional<OrderStatus> localStatus) {
        if (localStatus.isEmpty()) {
            return NotificationAction.UNKNOWN_ORDER;
        }
        return switch (localStatus.get()) {
            case UNPAID -> NotificationAction.RECORD_PAYMENT;
            case PAID -> NotificationAction.ALREADY_PAID;
            case CLOSED -> NotificationAction.REPORT_LATE_PAYMENT;
        };
    }
}
