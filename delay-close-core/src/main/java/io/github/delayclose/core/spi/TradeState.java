package io.github.delayclose.core.spi;

/**
 * What the payment provider says about an order's trade. The names follow WeChat Pay v2's
 * {@code trade_state}; other providers map their states onto these.
 */
public enum TradeState {

    /** Paid. */
    SUCCESS,

    /** Paid, then (partly) refunded: the order was paid. */
    REFUND,

    /** Not paid yet. */
    NOTPAY,

    /** Closed at the provider. */
    CLOSED,

    /** Revoked (card-present payments). */
    REVOKED,

    /** The payer is entering a password or confirming: not final. */
    USERPAYING,

    /** Payment failed (bank refused and similar). */
    PAYERROR,

    /** Accepted, waiting for the bank's deduction: not final. */
    ACCEPT,

    /** The provider has no trade for this order (WeChat Pay's {@code ORDERNOTEXIST}). */
    NOT_FOUND;

    /** Whether the order was paid. */
    public boolean isPaid() {
        return this == SUCCESS || this == REFUND;
    }

    /** Whether the provider may still change its answer soon without anyone acting. */
    public boolean isPending() {
        return this == USERPAYING || this == ACCEPT;
    }
}
