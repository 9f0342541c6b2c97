package io.github.delayclose.jdbc;

import io.github.delayclose.core.spi.OrderStatus;
import org.jspecify.annotations.Nullable;

/**
 * The values the shop stores in its status columns. They are bound as statement parameters, never
 * spliced into SQL, so any text is allowed. {@link #defaults()} follows the tutorial: order status
 * {@code '0'} unpaid, {@code '1'} paid, {@code '4'} closed; payment status {@code '0'} unpaid,
 * {@code '1'} paid.
 *
 * <p>An order status that is none of the three (the tutorial's shop also has {@code '2'} shipped and
 * {@code '3'} completed) is read as {@link OrderStatus#PAID}: such an order has left the unpaid
 * state, so there is nothing to close.
 *
 * @param unpaid order status of an order waiting for payment; default {@code 0}
 * @param paid order status written when a payment is recorded; default {@code 1}
 * @param closed order status written when the order is closed; default {@code 4}
 * @param payStatusUnpaid payment status of an unpaid order, written to the log of a close; default {@code 0}
 * @param payStatusPaid payment status written with a payment; default {@code 1}
 */
public record OrderStatusCodes(String unpaid, String paid, String closed, String payStatusUnpaid,
        String payStatusPaid) {

    /**
     * Checks that no code is blank and that codes that must differ do; a {@code null} code stands for
     * its default.
     *
     * @throws IllegalArgumentException when a code is blank or two order status codes are equal
     */
    public OrderStatusCodes(@Nullable String unpaid, @Nullable String paid, @Nullable String closed,
            @Nullable String payStatusUnpaid, @Nullable String payStatusPaid) {
        this.unpaid = requireText("OrderStatusCodes.unpaid", unpaid, "0");
        this.paid = requireText("OrderStatusCodes.paid", paid, "1");
        this.closed = requireText("OrderStatusCodes.closed", closed, "4");
        this.payStatusUnpaid = requireText("OrderStatusCodes.payStatusUnpaid", payStatusUnpaid, "0");
        this.payStatusPaid = requireText("OrderStatusCodes.payStatusPaid", payStatusPaid, "1");
        if (this.unpaid.equals(this.paid) || this.unpaid.equals(this.closed) || this.paid.equals(this.closed)) {
            throw new IllegalArgumentException("OrderStatusCodes unpaid, paid and closed must differ, but were '"
                    + this.unpaid + "', '" + this.paid + "' and '" + this.closed + "'");
        }
        if (this.payStatusUnpaid.equals(this.payStatusPaid)) {
            throw new IllegalArgumentException("OrderStatusCodes payStatusUnpaid and payStatusPaid must differ, but both were '"
                    + this.payStatusPaid + "'");
        }
    }

    /** The tutorial's codes. */
    public static OrderStatusCodes defaults() {
        return new OrderStatusCodes(null, null, null, null, null);
    }

    /** Reads a stored order status; see the class comment for codes other than the three known ones. */
    OrderStatus toStatus(String code) {
        if (unpaid.equals(code)) {
            return OrderStatus.UNPAID;
        }
        return closed.equals(code) ? OrderStatus.CLOSED : OrderStatus.PAID;
    }

    public OrderStatusCodes withUnpaid(String unpaid) {
        return new OrderStatusCodes(unpaid, paid, closed, payStatusUnpaid, payStatusPaid);
    }

    public OrderStatusCodes withPaid(String paid) {
        return new OrderStatusCodes(unpaid, paid, closed, payStatusUnpaid, payStatusPaid);
    }

    public OrderStatusCodes withClosed(String closed) {
        return new OrderStatusCodes(unpaid, paid, closed, payStatusUnpaid, payStatusPaid);
    }

    public OrderStatusCodes withPayStatusUnpaid(String payStatusUnpaid) {
        return new OrderStatusCodes(unpaid, paid, closed, payStatusUnpaid, payStatusPaid);
    }

    public OrderStatusCodes withPayStatusPaid(String payStatusPaid) {
        return new OrderStatusCodes(unpaid, paid, closed, payStatusUnpaid, payStatusPaid);
    }

    private static String requireText(String what, @Nullable String code, String defaultCode) {
        if (code == null) {
            return defaultCode;
        }
        if (code.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return code;
    }
}
