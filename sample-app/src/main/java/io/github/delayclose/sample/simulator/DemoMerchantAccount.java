package io.github.delayclose.sample.simulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo's made-up WeChat Pay merchant account, which the built-in simulator serves. Its values
 * live in {@code application.yml} only ({@code demo.wxpay.demo-account.*}); {@code delay-close.wxpay.*}
 * falls back to them when no {@code WXPAY_*} credentials are given.
 *
 * @param appId the demo's appid
 * @param mchId the demo's mch_id
 * @param apiKey the demo's API key; any other {@code delay-close.wxpay.api-key} counts as real
 *     merchant credentials ({@link MerchantCredentialsMode})
 */
@ConfigurationProperties("demo.wxpay.demo-account")
public record DemoMerchantAccount(String appId, String mchId, String apiKey) {
}
