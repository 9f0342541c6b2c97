package io.github.delayclose.sample.simulator;

import io.github.delayclose.alipay.AlipayPaymentGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Alipay beside WeChat Pay, when {@code demo.alipay.enabled=true}: the WeChat Pay gateway and this one
 * both serve a channel, so delay-close routes each order to its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("demo.alipay.enabled")
class AlipayDemoConfiguration {

    @Bean(destroyMethod = "close")
    AlipayDemo alipayDemo(@Value("${demo.alipay.port:8091}") int port) {
        return new AlipayDemo(port);
    }

    @Bean
    AlipayPaymentGateway alipayPaymentGateway(AlipayDemo alipay) {
        return alipay.gateway();
    }
}
