package io.github.delayclose.alipay.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.alipay.AlipayNotificationParser;
import io.github.delayclose.alipay.AlipayPaymentGateway;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.simulator.support.TestKeyPair;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Alipay gateway's auto-configuration. */
class DelayCloseAlipayAutoConfigurationTest {

    private static final TestKeyPair APP = TestKeyPair.generate();

    private static final TestKeyPair ALIPAY = TestKeyPair.generate();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DelayCloseAlipayAutoConfiguration.class));

    private final String[] account = { "delay-close.alipay.app-id=2021000117600001",
            "delay-close.alipay.private-key=" + APP.privateKeyBase64(),
            "delay-close.alipay.alipay-public-key=" + ALIPAY.publicKeyBase64() };

    @Test
    void theGatewayAndTheNotificationParserComeWithAPrivateKey() {
        runner.withPropertyValues(account).withPropertyValues("delay-close.alipay.call-timeout=3s").run(context -> {
            assertThat(context).hasSingleBean(AlipayPaymentGateway.class).hasSingleBean(AlipayNotificationParser.class);
            assertThat(context.getBean(AlipayPaymentGateway.class).toString()).contains("callTimeout=PT3S")
                    .doesNotContain(APP.privateKeyBase64().substring(0, 40));
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
                .run(context -> assertThat(context).doesNotHaveBean(AlipayPaymentGateway.class));
    }

    @Test
    void aGatewayOfAnotherChannelStaysBesideIt() {
        runner.withPropertyValues(account).withUserConfiguration(OtherChannel.class).run(context -> {
            assertThat(context).hasSingleBean(AlipayPaymentGateway.class);
            assertThat(context.getBeansOfType(ChannelPaymentGateway.class)).hasSize(2);
        });
    }

    @Test
    void aKeyThatIsNotAKeyFailsStartUpNamingIt() {
        runner.withPropertyValues(account).withPropertyValues("delay-close.alipay.alipay-public-key=bm90IGEga2V5")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("alipayPublicKey"));
        runner.withPropertyValues(account).withPropertyValues("delay-close.alipay.app-id=")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void backsOffWithoutTheGatewayClass() {
        runner.withPropertyValues(account).withClassLoader(new FilteredClassLoader(AlipayPaymentGateway.class))
                .run(context -> assertThat(context).doesNotHaveBean(PaymentGateway.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnGateway {

        @Bean
        PaymentGateway ownGateway() {
            return new InMemoryPaymentGateway();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherChannel {

        @Bean
        ChannelPaymentGateway wxpay() {
            InMemoryPaymentGateway provider = new InMemoryPaymentGateway();
            return new ChannelPaymentGateway() {

                @Override
                public String channel() {
                    return WXPAY;
                }

                @Override
                public TradeReport queryTrade(String orderId) {
                    return provider.queryTrade(orderId);
                }

                @Override
                public TradeCloseResult closeOrder(String orderId) {
                    return provider.closeOrder(orderId);
                }
            };
        }
    }
}
