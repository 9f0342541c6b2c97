package io.github.delayclose.sample.simulator;

import io.github.delayclose.wxpay.autoconfigure.DelayCloseWxPayProperties;
import io.github.delayclose.sample.payment.WxPayAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** With the simulator off, start-up fails while the merchant account is not a real one. */
class WxPayModeCheckTest {

    private static final DemoMerchantAccount DEMO = new DemoMerchantAccount("wxd930ea5d5a258f4f", "10000100",
            "delayclosedemo0123456789abcdefgh");

    private static final WxPaySimulatorProperties OFF = new WxPaySimulatorProperties(false, 8090, null);

    private static WxPayAccount account(String appId, String mchId, String apiKey, String baseUrl) {
        return new WxPayAccount(new DelayCloseWxPayProperties(appId, mchId, apiKey, null, baseUrl, null, null, null, null));
    }

    @Test
    void aRealMerchantAccountStarts() {
        assertThatCode(() -> new WxPayModeCheck(OFF, account("wx0000000000000001", "1900000001", "merchant-key",
                "https://api.mch.weixin.qq.com"), DEMO)).doesNotThrowAnyException();
    }

    @Test
    void theDemoAppIdOrMchIdWithRealCredentialsFails() {
        assertThatIllegalStateException().isThrownBy(() -> new WxPayModeCheck(OFF, account("wxd930ea5d5a258f4f",
                        "1900000001", "merchant-key", "https://api.mch.weixin.qq.com"), DEMO))
                .withMessageContaining("delay-close.wxpay.app-id (WXPAY_APP_ID) is the demo's wxd930ea5d5a258f4f")
                .withMessageNotContaining("mch-id")
                .withMessageNotContaining("merchant-key");
        assertThatIllegalStateException().isThrownBy(() -> new WxPayModeCheck(OFF, account("wx0000000000000001",
                        "10000100", "merchant-key", "https://api.mch.weixin.qq.com"), DEMO))
                .withMessageContaining("delay-close.wxpay.mch-id (WXPAY_MCH_ID) is the demo's 10000100")
                .withMessageContaining("Set WXPAY_APP_ID, WXPAY_MCH_ID and WXPAY_API_KEY");
    }

    @Test
    void theSimulatorSwitchedOffWithoutCredentialsFails() {
        assertThatIllegalStateException().isThrownBy(() -> new WxPayModeCheck(OFF, account(DEMO.appId(), DEMO.mchId(),
                        DEMO.apiKey(), "https://api.mch.weixin.qq.com"), DEMO))
                .withMessageContaining("app-id").withMessageContaining("mch-id").withMessageContaining("api-key")
                .withMessageNotContaining(DEMO.apiKey());
    }

    @Test
    void aBaseUrlAtTheAbsentSimulatorFails() {
        assertThatIllegalStateException().isThrownBy(() -> new WxPayModeCheck(OFF, account("wx0000000000000001",
                        "1900000001", "merchant-key", "http://127.0.0.1:8090"), DEMO))
                .withMessageContaining("still points at the simulator");
    }

    @Test
    void withTheSimulatorTheDemoAccountIsFine() {
        assertThatCode(() -> new WxPayModeCheck(new WxPaySimulatorProperties(true, 8090, null),
                account(DEMO.appId(), DEMO.mchId(), DEMO.apiKey(), "http://127.0.0.1:8090"), DEMO))
                .doesNotThrowAnyException();
    }
}
