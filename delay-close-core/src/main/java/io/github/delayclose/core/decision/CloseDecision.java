package io.github.delayclose.core.decision;

import java.util.Optional;

import io.github.delayclose.core.spi.CloseOutcome;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.TradeState;

/**
 * The close decision table, as pure functions of what is known at each step. No I/O happens here,
 * so every row of the table is a plain unit test.
 *
 * <table>
 *   <caption>The decision table</caption>
 *   <tr><th>local state</th><th>provider says</th><th>action</th></tr>
 *   <tr><td>PAID or CLOSED</td><td>—</td><td>{@link CloseAction#NOTHING}</td></tr>
 *   <tr><td>unknown</td><td>—</td><td>{@link CloseAction#RETRY_ORDER_NOT_FOUND}</td></tr>
 *   <tr><td>UNPAID</td><td>SUCCESS, REFUND</td><td>{@link CloseAction#COMPENSATE_AS_PAID}</td></tr>
 *   <tr><td>UNPAID</td><td>NOTPAY</td><td>{@link CloseAction#CLOSE_AT_PROVIDER}</td></tr>
 *   <tr><td>UNPAID</td><td>close answers ORDERPAID</td><td>{@link CloseAction#REQUERY_AND_COMPENSATE}</td></tr>
 *   <tr><td>UNPAID</td><td>CLOSED, REVOKED, PAYERROR, not found</td><td>{@link CloseAction#CLOSE_LOCALLY}</td></tr>
 *   <tr><td>UNPAID</td><td>USERPAYING, ACCEPT</td><td>{@link CloseAction#RECHECK_LATER}</td></tr>
 *   <tr><td>UNPAID</td><td>error, timeout, bad signature, malformed</td><td>{@link CloseAction#RETRY_PROVIDER_ERROR}</td></tr>
 *   <tr><td>CLOSED</td><td>payment notification</td><td>{@link PaymentNotificationAction#REPORT_LATE_PAYMENT}</td></tr>
 * </table>
 */
public final class CloseDecision {

    private CloseDecision() {
    }

    /** First step, when the payment window ends: look at the local state only. */
    public static CloseAction onTimeout(Optional<OrderStatus> localStatus) {
        if (localStatus.isEmpty()) {
            return CloseAction.RETRY_ORDER_NOT_FOUND;
        }
        return localStatus.get() == OrderStatus.UNPAID ? CloseAction.QUERY_PROVIDER : CloseAction.NOTHING;
    }

    /** Second step, for an unpaid order: the provider's trade state. */
    public static CloseAction onTradeState(TradeState providerState) {
        return switch (providerState) {
            case SUCCESS, REFUND -> CloseAction.COMPENSATE_AS_PAID;
            case NOTPAY -> CloseAction.CLOSE_AT_PROVIDER;
            case CLOSED, REVOKED, PAYERROR, NOT_FOUND -> CloseAction.CLOSE_LOCALLY;
            case USERPAYING, ACCEPT -> CloseAction.RECHECK_LATER;
        };
    }

    /** Third step, after asking the provider to close: its answer. */
    public static CloseAction onCloseOutcome(CloseOutcome outcome) {
        return switch (outcome) {
            case CLOSED, ALREADY_CLOSED -> CloseAction.CLOSE_LOCALLY;
            case ALREADY_PAID -> CloseAction.REQUERY_AND_COMPENSATE;
        };
    }

    /** Any step that talks to the provider, when no trustworthy answer came back. */
    public static CloseAction onProviderFailure() {
        return CloseAction.RETRY_PROVIDER_ERROR;
    }

    /** A payment notification from the provider, given the order's local state. */
    public static PaymentNotificationAction onPaymentNotification(Optional<OrderStatus> localStatus) {
        if (localStatus.isEmpty()) {
            return PaymentNotificationAction.UNKNOWN_ORDER;
        }
        return switch (localStatus.get()) {
            case UNPAID -> PaymentNotificationAction.RECORD_PAYMENT;
            case PAID -> PaymentNotificationAction.ALREADY_PAID;
            case CLOSED -> PaymentNotificationAction.REPORT_LATE_PAYMENT;
        };
    }
}
