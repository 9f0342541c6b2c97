package io.github.delayclose.core.spi;

/**
 * What the provider answered when asked to close an order's trade. A provider error is not an
 * outcome: {@link PaymentGateway#closeOrder} throws {@link PaymentGatewayException} for it.
 */
public enum TradeCloseResult {

    /** The provider closed the trade. */
    CLOSED,

    /** The trade was already closed at the provider ({@code ORDERCLOSED}). */
    ALREADY_CLOSED,

    /** The trade was paid meanwhile and cannot be closed ({@code ORDERPAID}). */
    ALREADY_PAID
}
