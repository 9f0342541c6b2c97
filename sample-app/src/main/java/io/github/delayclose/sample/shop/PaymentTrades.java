package io.github.delayclose.sample.shop;

/**
 * Opens the payment provider's trade for a new order, inside the order's transaction. With the
 * built-in simulator this creates the order at the simulated WeChat Pay so that it can be paid from
 * the page; against real WeChat Pay a shop would call {@code unifiedorder} here and show the payer
 * its QR code, which this demo does not do.
 */
public interface PaymentTrades {

    /**
     * @param orderId the order, WeChat Pay's {@code out_trade_no}
     * @param totalFee the amount in fen
     */
    void open(String orderId, long totalFee);
}
