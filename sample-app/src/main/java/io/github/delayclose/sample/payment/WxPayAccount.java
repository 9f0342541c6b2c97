package io.github.delayclose.sample.payment;

import io.github.delayclose.wxpay.autoconfigure.DelayCloseWxPayProperties;
import io.github.delayclose.wxpay.WxPaySettings;

import org.springframework.stereotype.Component;

/**
 * The shop's WeChat Pay merchant account: the starter's {@code delay-close.wxpay.*} settings, which
 * its WeChat Pay gateway uses too. The notification endpoint needs them to verify signatures, and
 * the built-in simulator to act as that merchant's WeChat Pay.
 */
@Component
public class WxPayAccount {

    private final WxPaySettings settings;

    public WxPayAccount(DelayCloseWxPayProperties properties) {
        try {
            this.settings = properties.toSettings();
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("delay-close.wxpay: " + ex.getMessage()
                    + " (WXPAY_APP_ID, WXPAY_MCH_ID, WXPAY_API_KEY, WXPAY_BASE_URL)", ex);
        }
    }

    public WxPaySettings settings() {
        return settings;
    }
}
