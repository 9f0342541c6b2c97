package io.github.delayclose.core.spi;

/**
 * The payment state of an order as the shop's own database records it.
 *
 * <p>Only {@link #UNPAID} may change: to {@link #PAID} when a payment is recorded, or to
 * {@link #CLOSED} when the payment window ends. Both other states are final.
 */
public enum OrderStatus {

    /** Created and waiting for payment. */
    UNPAID,

    /** Paid; never closed afterwards. */
    PAID,

    /** Closed because its payment window ended; never revived by a late payment. */
    CLOSED
}
