package io.github.delayclose.wxpay.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.providerhttp.ProviderHttpSettings;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.wxpay.WxPayPaymentGateway;
import io.github.delayclose.wxpay.WxPaySettings;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Wiring of the WeChat Pay v2 gateway from its properties. No service is contacted. */
@ExtendWith(OutputCaptureExtension.class)
class DelayCloseWxPayAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DelayCloseWxPayAutoConfiguration.class));

    private static final String[] WXPAY = { "delay-close.wxpay.app-id=wx0000000000000001",
            "delay-close.wxpay.mch-id=1900000109", "delay-close.wxpay.api-key=0123456789abcdef0123456789abcdef" };

    @Test
    void nothingUnlessAskedFor() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PaymentGateway.class));
    }

    @Test
    void wxPayGatewayFromProperties() {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.wxpay.sign-type=hmac-sha256",
                "delay-close.wxpay.base-url=http://127.0.0.1:18080").run(context -> {
                    assertThat(context).hasSingleBean(WxPayPaymentGateway.class);
                    WxPaySettings settings = context.getBean(DelayCloseWxPayProperties.class).toSettings();
                    assertThat(settings.signType()).isEqualTo(WxPaySignType.HMAC_SHA256);
                    assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:18080");
                    assertThat(context.getBean(WxPayPaymentGateway.class).toString())
                            .doesNotContain("0123456789abcdef0123456789abcdef");
                    assertThat(context.getBean(DelayCloseWxPayProperties.class).toString())
                            .doesNotContain("0123456789abcdef0123456789abcdef");
                });
    }

    @Test
    void theGatewayCanBeSwitchedOffWhileItsPropertiesStayBound() {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.wxpay.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(PaymentGateway.class);
            assertThat(context).hasSingleBean(DelayCloseWxPayProperties.class);
        });
    }

    @Test
    void unsetSettingsTakeTheGatewaysDefaults() {
        runner.withPropertyValues(WXPAY).run(context -> assertThat(context.getBean(DelayCloseWxPayProperties.class)
                .toSettings()).isEqualTo(WxPaySettings.of("wx0000000000000001", "1900000109",
                        "0123456789abcdef0123456789abcdef")));
    }

    @Test
    void missingMerchantIdNamesTheProperty() {
        runner.withPropertyValues("delay-close.wxpay.app-id=wx1", "delay-close.wxpay.api-key=k")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("delay-close.wxpay")
                        .hasStackTraceContaining("mchId"));
    }

    @Test
    void applicationsOwnGatewayWins() {
        runner.withPropertyValues(WXPAY).withBean(PaymentGateway.class, InMemoryPaymentGateway::new)
                .run(context -> assertThat(context).doesNotHaveBean(WxPayPaymentGateway.class));
    }

    @Test
    void theGatewayNeedsNoSdk() {
        runner.withPropertyValues(WXPAY).withClassLoader(new FilteredClassLoader("com.github.wxpay.sdk"))
                .run(context -> assertThat(context).hasSingleBean(WxPayPaymentGateway.class));
    }

    @Test
    void transportSettingsFromProperties() {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.wxpay.connect-timeout=2s",
                "delay-close.wxpay.call-timeout=3500ms", "delay-close.wxpay.max-answer-size=16KB").run(context -> {
                    WxPaySettings settings = context.getBean(DelayCloseWxPayProperties.class).toSettings();
                    assertThat(settings.httpSettings()).isEqualTo(new ProviderHttpSettings(Duration.ofSeconds(2),
                            Duration.ofMillis(3500), 16 * 1024));
                });
    }

    @Test
    void theDeprecatedReadTimeoutIsTakenAsTheCallTimeout() {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.wxpay.read-timeout=5s")
                .run(context -> assertThat(context.getBean(DelayCloseWxPayProperties.class).toSettings().callTimeout())
                        .isEqualTo(Duration.ofSeconds(5)));
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.wxpay.read-timeout=5s",
                "delay-close.wxpay.call-timeout=4s").run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("delay-close.wxpay")
                        .hasStackTraceContaining("set delay-close.wxpay.call-timeout only"));
    }

    @Test
    void badTransportSettingsNameTheProperty() {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.wxpay.max-answer-size=10MB")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("maxAnswerSizeInRange")
                        .hasStackTraceContaining("must be between 1KB and 1MB"));
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.wxpay.call-timeout=0s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("callTimeout"));
    }

    @Test
    void timeoutShorterThanWeChatsCloseDelayIsWarnedAbout(CapturedOutput output) {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.timeout=60s")
                .run(context -> assertThat(context).hasSingleBean(WxPayPaymentGateway.class));
        assertThat(output).contains("5 minutes");
    }

    @Test
    void noWarningForTheDefaultTimeout(CapturedOutput output) {
        runner.withPropertyValues(WXPAY).run(context -> assertThat(context).hasSingleBean(WxPayPaymentGateway.class));
        assertThat(output).doesNotContain("5 minutes");
    }

    @Test
    void disabledTurnsTheGatewayOffToo() {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PaymentGateway.class));
    }
}
