package io.github.delayclose.wxpay.v3.simulator;

/** WeChat Pay v3's {@code trade_state} values. */
public enum V3TradeState {
    SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR, ACCEPT;

    /** Whether the order was paid. */
    public boolean isPaid() {
        return this == SUCCESS || this == REFUND;
    }
}
