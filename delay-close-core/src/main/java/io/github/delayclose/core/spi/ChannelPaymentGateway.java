package io.github.delayclose.core.spi;

/**
 * A {@link PaymentGateway} for one payment channel, such as WeChat Pay or Alipay. A shop that takes
 * several channels configures one of these per channel; delay-close then checks each order on the
 * channel it was paid through ({@link OrderSnapshot#channel()}), and an order whose channel is not
 * known yet on every one of them.
 *
 * <p>The gateways shipped with delay-close implement it; a gateway of your own implements it when it
 * should take part in routing, and plain {@link PaymentGateway} when it is the only one.
 */
public interface ChannelPaymentGateway extends PaymentGateway {

    /** WeChat Pay's channel, v2 or v3 API alike. */
    String WXPAY = "wxpay";

    /** Alipay's channel. */
    String ALIPAY = "alipay";

    /**
     * The channel this gateway serves, as the order repository stores it (compared without regard
     * to case), for example {@value #WXPAY} or {@value #ALIPAY}.
     */
    String channel();
}
