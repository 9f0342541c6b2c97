package io.github.delayclose.sample.simulator;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The built-in WeChat Pay v2 simulator.
 *
 * @param enabled whether the shop runs its own WeChat Pay (on 127.0.0.1) instead of talking to WeChat;
 *     its merchant account is the one in {@code delay-close.wxpay.*}
 * @param port where it listens on 127.0.0.1; {@code delay-close.wxpay.base-url} must point there
 * @param notifyUrl where it sends payment notifications; default: this shop's
 *     {@code /api/wxpay/notify} on 127.0.0.1
 */
@ConfigurationProperties("demo.wxpay-simulator")
public record WxPaySimulatorProperties(boolean enabled, @DefaultValue("8090") int port,
        @Nullable String notifyUrl) {
}
