package io.github.delayclose.sample.simulator;

/**
 * A payment channel the demo simulates besides WeChat Pay v2 (Alipay, WeChat Pay v3): its simulator,
 * and the gateway delay-close checks its orders with. The page opens, shows and pays its trades.
 */
public interface DemoChannel {

    /** The channel its gateway serves ({@code alipay}, {@code wxpay}). */
    String channel();

    /** The provider, for the page. */
    String label();

    /** Where its simulator listens. */
    String url();

    /** The payer opened the payment (scanned the code): the provider knows the trade, unpaid. */
    void open(String orderId, long totalFen);

    /**
     * The payer pays, and no notification reaches the shop: delay-close finds the payment at the deadline.
     *
     * @return the trade's state afterwards
     * @throws IllegalArgumentException when the provider does not know the order
     */
    String pay(String orderId);

    /** The order's trade state at the provider, or empty when it does not know the order. */
    String tradeState(String orderId);
}
