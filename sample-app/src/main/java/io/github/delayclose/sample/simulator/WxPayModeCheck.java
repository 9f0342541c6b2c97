package io.github.delayclose.sample.simulator;

import io.github.delayclose.sample.payment.WxPayAccount;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;

/**
 * With the simulator off, the shop talks to real WeChat Pay: refuse to start if
 * {@code delay-close.wxpay.base-url} still points at the simulator that is not there.
 */
@Component
class WxPayModeCheck {

    private static final Log log = LogFactory.getLog(WxPayModeCheck.class);

    WxPayModeCheck(WxPaySimulatorProperties simulator, WxPayAccount account) {
        if (simulator.enabled()) {
            return;
        }
        String baseUrl = account.settings().baseUrl();
        if (baseUrl.equals("http://127.0.0.1:" + simulator.port()) || baseUrl.equals("http://localhost:" + simulator.port())) {
            throw new IllegalStateException("WXPAY_SIMULATOR=false (demo.wxpay-simulator.enabled), but "
                    + "delay-close.wxpay.base-url still points at the simulator (" + baseUrl + "). Set WXPAY_BASE_URL="
                    + "https://api.mch.weixin.qq.com and your merchant's WXPAY_APP_ID, WXPAY_MCH_ID and WXPAY_API_KEY.");
        }
        log.info("WeChat Pay simulator off: talking to " + baseUrl + " as " + account.settings()
                + "; the page's payment buttons are disabled");
    }
}
