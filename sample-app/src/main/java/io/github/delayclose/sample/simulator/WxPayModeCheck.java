package io.github.delayclose.sample.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.delayclose.wxpay.WxPaySettings;
import io.github.delayclose.sample.payment.WxPayAccount;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * With the simulator off, the shop talks to real WeChat Pay: refuse to start if
 * {@code delay-close.wxpay.base-url} still points at the simulator that is not there, or if the
 * merchant account is still (partly) the demo's, which WeChat Pay does not know.
 */
@Component
class WxPayModeCheck {

    private static final Log log = LogFactory.getLog(WxPayModeCheck.class);

    WxPayModeCheck(WxPaySimulatorProperties simulator, WxPayAccount account, DemoMerchantAccount demo) {
        if (simulator.enabled()) {
            return;
        }
        WxPaySettings settings = account.settings();
        String baseUrl = settings.baseUrl();
        if (baseUrl.equals("http://127.0.0.1:" + simulator.port()) || baseUrl.equals("http://localhost:" + simulator.port())) {
            throw new IllegalStateException("WXPAY_SIMULATOR=false (demo.wxpay-simulator.enabled), but "
                    + "delay-close.wxpay.base-url still points at the simulator (" + baseUrl + "). Set WXPAY_BASE_URL="
                    + "https://api.mch.weixin.qq.com and your merchant's WXPAY_APP_ID, WXPAY_MCH_ID and WXPAY_API_KEY.");
        }
        List<String> demoValues = new ArrayList<>();
        if (Objects.equals(settings.appId(), demo.appId())) {
            demoValues.add("delay-close.wxpay.app-id (WXPAY_APP_ID) is the demo's " + demo.appId());
        }
        if (Objects.equals(settings.mchId(), demo.mchId())) {
            demoValues.add("delay-close.wxpay.mch-id (WXPAY_MCH_ID) is the demo's " + demo.mchId());
        }
        if (Objects.equals(settings.apiKey(), demo.apiKey())) {
            demoValues.add("delay-close.wxpay.api-key (WXPAY_API_KEY) is the demo's key");
        }
        if (!demoValues.isEmpty()) {
            throw new IllegalStateException("The WeChat Pay simulator is off, so the shop talks to " + baseUrl
                    + " as a real merchant, but " + String.join(", ", demoValues) + ". Set WXPAY_APP_ID, "
                    + "WXPAY_MCH_ID and WXPAY_API_KEY to your merchant account's, or leave all three unset (and "
                    + "WXPAY_SIMULATOR unset or true) to run the demo with its simulator.");
        }
        log.info("WeChat Pay simulator off: talking to " + baseUrl + " as " + settings
                + ". Orders are not sent to WeChat Pay (no unifiedorder), so they cannot be paid: this mode "
                + "demonstrates closing only, and the page's payment buttons are off");
    }
}
