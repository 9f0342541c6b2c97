package io.github.delayclose.wxpay;

import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGatewayException;

/**
 * WeChat Pay's rule for {@code out_trade_no}, stated once: the gateway announces it as its
 * {@link OrderIdRules}, so that scheduling refuses other ids at once, and checks it again before a
 * request is signed and sent.
 */
final class WxPayOrderIds {

    /** 1 to 32 characters of letters, digits and {@code _-|*@}. */
    static final OrderIdRules RULES = OrderIdRules.of("[0-9A-Za-z_\\-|*@]{1,32}", "1 to 32 letters, digits or _-|*@");

    private WxPayOrderIds() {
    }

    /**
     * @throws PaymentGatewayException when WeChat Pay would refuse the id
     */
    static String check(String orderId) {
        if (!RULES.accepts(orderId)) {
            throw new PaymentGatewayException("order id " + orderId + " cannot be a WeChat Pay out_trade_no ("
                    + RULES.description() + ")");
        }
        return orderId;
    }
}
