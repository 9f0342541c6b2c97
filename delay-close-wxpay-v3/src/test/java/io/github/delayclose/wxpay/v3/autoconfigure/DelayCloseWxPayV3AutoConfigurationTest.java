package io.github.delayclose.wxpay.v3.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.simulator.support.TestKeyPair;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.wxpay.v3.WxPayV3NotificationParser;
import io.github.delayclose.wxpay.v3.WxPayV3PaymentGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The WeChat Pay v3 gateway's auto-configuration. */
class DelayCloseWxPayV3AutoConfigurationTest {

    private static final TestKeyPair MERCHANT = TestKeyPair.generate();

    private static final TestKeyPair WECHAT_PAY = TestKeyPair.generate();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DelayCloseWxPayV3AutoConfiguration.class));

    private final String[] account = { "delay-close.wxpay-v3.app-id=wxd678efh567hg6787",
            "delay-close.wxpay-v3.mch-id=1900009191",
            "delay-close.wxpay-v3.merchant-serial-number=5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
            "delay-close.wxpay-v3.private-key=" + MERCHANT.privateKeyBase64(),
            "delay-close.wxpay-v3.api-v3-key=a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb",
            "delay-close.wxpay-v3.wechat-pay-public-key-id=PUB_KEY_ID_0119000091912025010100000000000001",
            "delay-close.wxpay-v3.wechat-pay-public-key=" + WECHAT_PAY.publicKeyBase64() };

    @Test
    void theGatewayAndTheNotificationParserComeWithAPrivateKey() {
        runner.withPropertyValues(account).withPropertyValues("delay-close.wxpay-v3.call-timeout=3s").run(context -> {
            assertThat(context).hasSingleBean(WxPayV3PaymentGateway.class).hasSingleBean(WxPayV3NotificationParser.class);
            assertThat(context.getBean(WxPayV3PaymentGateway.class).toString()).contains("callTimeout=PT3S")
                    .doesNotContain("a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb");
        });
    }

    @Test
    void nothingWithoutAPrivateKeyOrWhenDelayCloseIsOff() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PaymentGateway.class));
        runner.withPropertyValues(account).withPropertyValues("delay-close.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PaymentGateway.class));
    }

    @Test
    void aGatewayOfTheApplicationsOwnWins() {
        runner.withPropertyValues(account).withUserConfiguration(OwnGateway.class)
                .run(context -> assertThat(context).doesNotHaveBean(WxPayV3PaymentGateway.class));
    }

    @Test
    void aBadKeyOrApiV3KeyFailsStartUpNamingIt() {
        runner.withPropertyValues(account).withPropertyValues("delay-close.wxpay-v3.wechat-pay-public-key=bm90IGEga2V5")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("wechatPayPublicKey"));
        runner.withPropertyValues(account).withPropertyValues("delay-close.wxpay-v3.api-v3-key=short")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining("apiV3Key"));
    }

    @Test
    void backsOffWithoutTheGatewayClass() {
        runner.withPropertyValues(account).withClassLoader(new FilteredClassLoader(WxPayV3PaymentGateway.class))
                .run(context -> assertThat(context).doesNotHaveBean(PaymentGateway.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnGateway {

        @Bean
        PaymentGateway ownGateway() {
            return new InMemoryPaymentGateway();
        }
    }
}
