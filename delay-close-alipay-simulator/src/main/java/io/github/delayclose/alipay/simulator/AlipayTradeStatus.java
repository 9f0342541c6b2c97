package io.github.delayclose.alipay.simulator;

/** Alipay's {@code trade_status} values. */
public enum AlipayTradeStatus {

    /** Created, waiting for the buyer to pay. */
    WAIT_BUYER_PAY,

    /** Closed unpaid when it timed out or was closed, or fully refunded after payment. */
    TRADE_CLOSED,

    /** Paid; refunds still possible. */
    TRADE_SUCCESS,

    /** Paid and final: no refund possible any more. */
    TRADE_FINISHED;

    /** Whether the trade was paid. */
    public boolean isPaid() {
        return this == TRADE_SUCCESS || this == TRADE_FINISHED;
    }
}
