package io.github.delayclose.core.payment;

/** How a payment notification was handled. */
public enum PaymentRecordResult {

    /** The order was unpaid and is now paid. */
    RECORDED,

    /** The order was already paid; nothing changed. */
    DUPLICATE,

    /** The order had been closed; it stays closed and a {@link LatePaymentEvent} was raised. */
    LATE,

    /** No such order; the caller should refuse the notification so the provider sends it again. */
    UNKNOWN_ORDER,

    /**
     * The payment's amount is not the order's: nothing was recorded, and a
     * {@link PaymentAmountMismatchEvent} was raised for someone to look.
     */
    AMOUNT_MISMATCH
}
