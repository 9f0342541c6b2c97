package io.github.delayclose.alipay;

import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGatewayException;

/** Alipay's rule for {@code out_trade_no}. */
final class AlipayOrderIds {

    /** Up to 64 letters, digits and underscores, as Alipay's trade APIs document. */
    static final OrderIdRules RULES = OrderIdRules.of("[A-Za-z0-9_]{1,64}", "1 to 64 letters, digits or _");

    private AlipayOrderIds() {
    }

    /**
     * @throws PaymentGatewayException when Alipay would refuse the id
     */
    static String check(String orderId) {
        if (!RULES.accepts(orderId)) {
            throw new PaymentGatewayException("order id " + orderId + " cannot be an Alipay out_trade_no ("
                    + RULES.description() + ")");
        }
        return orderId;
    }
}
