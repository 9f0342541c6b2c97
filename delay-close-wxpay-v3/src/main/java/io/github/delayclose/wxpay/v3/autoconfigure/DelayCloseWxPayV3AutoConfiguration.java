package io.github.delayclose.wxpay.v3.autoconfigure;

import io.github.delayclose.autoconfigure.DelayCloseAutoConfiguration;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.wxpay.v3.WxPayV3NotificationParser;
import io.github.delayclose.wxpay.v3.WxPayV3PaymentGateway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The WeChat Pay v3 {@link PaymentGateway} and notification parser, when
 * {@code delay-close.wxpay-v3.private-key} is set and the application defines no gateway of its own.
 * Gateways of other channels (Alipay's) do not make it back off: with several, each order is checked on
 * its own channel. It serves the same channel as the v2 gateway: configure one of them.
 */
@AutoConfiguration(before = DelayCloseAutoConfiguration.class)
@ConditionalOnClass(WxPayV3PaymentGateway.class)
@ConditionalOnBooleanProperty(name = "delay-close.enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "delay-close.wxpay-v3", name = "private-key")
@ConditionalOnMissingBean(value = PaymentGateway.class, ignored = ChannelPaymentGateway.class)
@EnableConfigurationProperties(DelayCloseWxPayV3Properties.class)
public class DelayCloseWxPayV3AutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WxPayV3PaymentGateway wxPayV3PaymentGateway(DelayCloseWxPayV3Properties wxPayV3) {
        return new WxPayV3PaymentGateway(wxPayV3.toSettings());
    }

    @Bean
    @ConditionalOnMissingBean
    WxPayV3NotificationParser wxPayV3NotificationParser(DelayCloseWxPayV3Properties wxPayV3) {
        return new WxPayV3NotificationParser(wxPayV3.toSettings());
    }
}
