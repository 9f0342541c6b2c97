package io.github.delayclose.alipay.autoconfigure;

import java.time.Duration;

import io.github.delayclose.alipay.AlipaySettings;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Alipay {@code PaymentGateway}, under {@code delay-close.alipay.*}. Created when
 * {@code private-key} is set. Settings left unset take the defaults of {@link AlipaySettings}.
 *
 * @param appId the app's app_id
 * @param privateKey the app's RSA2 private key in PKCS#8, base64 or PEM ("应用私钥"); signs requests;
 *     never logged. Keep it out of the configuration file: an environment variable or a secret store
 * @param alipayPublicKey Alipay's public key for the app ("支付宝公钥"), base64 or PEM; verifies answers
 *     and notifications
 * @param gatewayUrl the OpenAPI gateway, https://openapi.alipay.com/gateway.do by default; the sandbox
 *     is https://openapi-sandbox.dl.alipaydev.com/gateway.do; point it at a simulator for tests and demos
 * @param connectTimeout how long a call may wait for a connection, 6s by default
 * @param callTimeout deadline of a whole call, answer included, 8s by default
 * @param maxAnswerSize largest answer accepted, 64KB by default, between 1KB and 1MB
 */
@ConfigurationProperties("delay-close.alipay")
@Validated
public record DelayCloseAlipayProperties(@NotBlank String appId, @NotBlank String privateKey,
        @NotBlank String alipayPublicKey, @Nullable String gatewayUrl,
        @Nullable @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE) Duration connectTimeout,
        @Nullable @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE) Duration callTimeout,
        @Nullable DataSize maxAnswerSize) {

    /** max-answer-size is between 1KB and 1MB. */
    @AssertTrue(message = "must be between 1KB and 1MB")
    public boolean isMaxAnswerSizeInRange() {
        return maxAnswerSize == null || (maxAnswerSize.toBytes() >= AlipaySettings.MIN_ANSWER_BYTES
                && maxAnswerSize.toBytes() <= AlipaySettings.MAX_ANSWER_BYTES);
    }

    /** The gateway's settings; unset values take their defaults there, and the keys are checked. */
    public AlipaySettings toSettings() {
        return new AlipaySettings(appId, privateKey, alipayPublicKey, gatewayUrl, connectTimeout, callTimeout,
                maxAnswerSize == null ? null : Math.toIntExact(maxAnswerSize.toBytes()));
    }

    @Override
    public String toString() {
        return "DelayCloseAlipayProperties[appId=" + appId + ", privateKey=******, gatewayUrl=" + gatewayUrl
                + ", connectTimeout=" + connectTimeout + ", callTimeout=" + callTimeout + ", maxAnswerSize="
                + maxAnswerSize + "]";
    }
}
