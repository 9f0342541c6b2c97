package io.github.delayclose.core.decision;

/** What to do with a payment notification from the provider; see {@link CloseDecision}. */
public enum NotificationAction {

    /** The order is unpaid: record the payment. */
    RECORD_PAYMENT,

    /** The order is already paid: a duplicate notification, acknowledge it. */
    ALREADY_PAID,

    /**
     * The order was closed before the payment arrived: do not revive it; raise a late-payment
     * event so the shop can refund or fulfil by hand.
     */
    REPORT_LATE_PAYMENT,

    /** The shop has no such order: refuse the notification so that the provider sends it again. */
    UNKNOWN_ORDER
}
