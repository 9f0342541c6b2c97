package io.github.delayclose.wxpay;

import java.util.regex.Pattern;

import io.github.delayclose.core.spi.PaymentGatewayException;

/** The rule WeChat Pay sets for {@code out_trade_no}, checked before a request is signed and sent. */
final class WxPayOrderIds {

    private static final Pattern OUT_TRADE_NO = Pattern.compile("[0-9A-Za-z_\\-|*@]{1,32}");

    private WxPayOrderIds() {
    }

    static String check(String orderId) {
        if (orderId == null || !OUT_TRADE_NO.matcher(orderId).matches()) {
            throw new PaymentGatewayException("order id " + orderId + " cannot be a WeChat Pay out_trade_no"
                    + " (1-32 characters: letters, digits, _ - | * @)");
        }
        return orderId;
    }
}
