package io.github.delayclose.sample.simulator;

import io.github.delayclose.wxpay.v3.WxPayV3PaymentGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * WeChat Pay v3 instead of v2, when {@code demo.wxpay-v3.enabled=true} (with the v2 gateway off,
 * {@code delay-close.wxpay.enabled=false}: both serve channel wxpay).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("demo.wxpay-v3.enabled")
class WxPayV3DemoConfiguration {

    @Bean(destroyMethod = "close")
    WxPayV3Demo wxPayV3Demo(@Value("${demo.wxpay-v3.port:8092}") int port) {
        return new WxPayV3Demo(port);
    }

    @Bean
    WxPayV3PaymentGateway wxPayV3PaymentGateway(WxPayV3Demo wxPayV3) {
        return wxPayV3.gateway();
    }
}
