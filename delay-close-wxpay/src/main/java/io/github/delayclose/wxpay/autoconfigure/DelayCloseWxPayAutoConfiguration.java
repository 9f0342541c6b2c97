package io.github.delayclose.wxpay.autoconfigure;

import io.github.delayclose.autoconfigure.DelayCloseAutoConfiguration;
import io.github.delayclose.autoconfigure.DelayCloseProperties;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.wxpay.WxPayPaymentGateway;
import io.github.delayclose.wxpay.WxPayTimeoutCheck;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The WeChat Pay v2 {@link PaymentGateway}, when {@code delay-close.wxpay.api-key} is set and the
 * application defines no gateway of its own. Gateways that serve a channel
 * ({@link ChannelPaymentGateway}, like the Alipay one) do not make it back off: with several, each
 * order is checked on its own channel. {@code delay-close.wxpay.enabled=false} leaves the gateway out
 * while its properties stay bound (for a notification endpoint, say).
 */
@AutoConfiguration(before = DelayCloseAutoConfiguration.class)
@ConditionalOnClass(WxPayPaymentGateway.class)
@ConditionalOnBooleanProperty(name = "delay-close.enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "delay-close.wxpay", name = "api-key")
@ConditionalOnMissingBean(value = PaymentGateway.class, ignored = ChannelPaymentGateway.class)
@EnableConfigurationProperties({ DelayCloseWxPayProperties.class, DelayCloseProperties.class })
public class DelayCloseWxPayAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(WxPayPaymentGateway.class)
    @ConditionalOnBooleanProperty(name = "delay-close.wxpay.enabled", matchIfMissing = true)
    WxPayPaymentGateway wxPayPaymentGateway(DelayCloseWxPayProperties wxPay, DelayCloseProperties properties) {
        // WeChat refuses to close an order within 5 minutes of its creation; a shorter payment
        // window would make every close fail and retry until the 5 minutes are up.
        WxPayTimeoutCheck.warnIfTooShort(properties.timeout());
        return new WxPayPaymentGateway(wxPay.toSettings());
    }
}
