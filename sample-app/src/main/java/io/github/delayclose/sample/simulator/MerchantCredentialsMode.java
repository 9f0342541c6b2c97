package io.github.delayclose.sample.simulator;

import java.util.HashMap;
import java.util.Map;

import io.github.delayclose.defaults.wxpay.WxPaySettings;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Real merchant credentials switch the demo from its built-in simulator to WeChat Pay: when
 * {@code WXPAY_API_KEY} is set and {@code WXPAY_SIMULATOR} is not, the simulator stays off and the
 * gateway talks to WeChat Pay's own URL unless {@code WXPAY_BASE_URL} names another.
 */
public class MerchantCredentialsMode implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "demoMerchantCredentialsMode";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("WXPAY_API_KEY") == null || environment.getProperty("WXPAY_SIMULATOR") != null) {
            return;
        }
        Map<String, Object> realWeChatPay = new HashMap<>();
        realWeChatPay.put("demo.wxpay-simulator.enabled", "false");
        if (environment.getProperty("WXPAY_BASE_URL") == null) {
            realWeChatPay.put("delay-close.wxpay.base-url", WxPaySettings.DEFAULT_BASE_URL);
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, realWeChatPay));
    }
}
