package io.github.delayclose.sample.simulator;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator is on unless merchant credentials are given, and an explicit choice always wins. */
class MerchantCredentialsModeTest {

    private static final Map<String, Object> APPLICATION_YML = Map.of("demo.wxpay-simulator.enabled", "true",
            "delay-close.wxpay.base-url", "http://127.0.0.1:8090");

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        environment.getPropertySources().addLast(new MapPropertySource("applicationYml", APPLICATION_YML));
        new MerchantCredentialsMode().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void withoutCredentialsTheSimulatorRuns() {
        StandardEnvironment environment = environment(Map.of());
        assertThat(environment.getProperty("demo.wxpay-simulator.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("delay-close.wxpay.base-url")).isEqualTo("http://127.0.0.1:8090");
    }

    @Test
    void credentialsSwitchToWeChatPay() {
        StandardEnvironment environment = environment(Map.of("WXPAY_API_KEY", "merchant-key"));
        assertThat(environment.getProperty("demo.wxpay-simulator.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("delay-close.wxpay.base-url")).isEqualTo("https://api.mch.weixin.qq.com");
    }

    @Test
    void anExplicitBaseUrlIsKept() {
        StandardEnvironment environment = environment(Map.of("WXPAY_API_KEY", "merchant-key",
                "WXPAY_BASE_URL", "https://api2.mch.weixin.qq.com"));
        assertThat(environment.getProperty("demo.wxpay-simulator.enabled")).isEqualTo("false");
        assertThat(environment.getPropertySources().get(MerchantCredentialsMode.SOURCE_NAME).getProperty(
                "delay-close.wxpay.base-url")).isNull();
    }

    @Test
    void anExplicitSimulatorChoiceWins() {
        StandardEnvironment environment = environment(Map.of("WXPAY_API_KEY", "merchant-key", "WXPAY_SIMULATOR", "true"));
        assertThat(environment.getProperty("demo.wxpay-simulator.enabled")).isEqualTo("true");
    }
}
