package io.github.delayclose.wxpay.simulator;

import io.github.delayclose.wxpay.protocol.WxPayXml;
/**
 * How the shop answered a payment notification.
 *
 * @param status the HTTP status of the shop's answer
 * @param body the shop's answer; WeChat expects {@code <xml><return_code>SUCCESS</return_code>…</xml>}
 */
public record NotificationDelivery(int status, String body) {

    /** Whether the shop acknowledged the notification the way WeChat requires, so WeChat would stop resending it. */
    public boolean acknowledged() {
        if (status != 200) {
            return false;
        }
        try {
            return "SUCCESS".equals(WxPayXml.parse(body).get("return_code"));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
