package io.github.delayclose.alipay.autoconfigure;

import io.github.delayclose.alipay.AlipayNotificationParser;
import io.github.delayclose.alipay.AlipayPaymentGateway;
import io.github.delayclose.autoconfigure.DelayCloseAutoConfiguration;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.PaymentGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Alipay {@link PaymentGateway} and notification parser, when {@code delay-close.alipay.private-key}
 * is set and the application defines no gateway of its own. Other gateways that serve a channel (WeChat
 * Pay's) do not make it back off: with several, each order is checked on its own channel.
 */
@AutoConfiguration(before = DelayCloseAutoConfiguration.class)
@ConditionalOnClass(AlipayPaymentGateway.class)
@ConditionalOnBooleanProperty(name = "delay-close.enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "delay-close.alipay", name = "private-key")
@ConditionalOnMissingBean(value = PaymentGateway.class, ignored = ChannelPaymentGateway.class)
@EnableConfigurationProperties(DelayCloseAlipayProperties.class)
public class DelayCloseAlipayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AlipayPaymentGateway alipayPaymentGateway(DelayCloseAlipayProperties alipay) {
        return new AlipayPaymentGateway(alipay.toSettings());
    }

    @Bean
    @ConditionalOnMissingBean
    AlipayNotificationParser alipayNotificationParser(DelayCloseAlipayProperties alipay) {
        return new AlipayNotificationParser(alipay.toSettings());
    }
}
