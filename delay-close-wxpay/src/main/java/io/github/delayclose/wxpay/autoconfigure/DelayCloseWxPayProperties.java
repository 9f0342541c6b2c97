package io.github.delayclose.wxpay.autoconfigure;

import java.time.Duration;

import io.github.delayclose.wxpay.WxPaySettings;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The WeChat Pay v2 {@code PaymentGateway}, under {@code delay-close.wxpay.*}. Created when
 * {@code api-key} is set and the application defines no {@code PaymentGateway} of its own. Settings
 * left unset take the defaults of {@link WxPaySettings}.
 *
 * <p>Each call has one deadline, {@code call-timeout}, covering connect, request and the whole
 * answer. It replaces {@code read-timeout}, which bounded each read rather than the call: a value
 * still given as {@code read-timeout} is taken as the call timeout, and setting both is an error.
 *
 * @param appId the official account or app id (appid)
 * @param mchId the merchant id (mch_id)
 * @param apiKey the merchant's API v2 key, used to sign requests and verify answers; never logged
 * @param signType how requests and answers are signed: MD5 (the default) or HMAC_SHA256
 * @param baseUrl base URL of the WeChat Pay API, https://api.mch.weixin.qq.com by default; point it
 *     at a simulator for tests and demos
 * @param connectTimeout how long a call may wait for a connection, 6s by default
 * @param callTimeout deadline of a whole call, connecting and reading the answer included, 8s by
 *     default; a call that takes longer fails and is retried, never guessed
 * @param maxAnswerSize largest answer accepted, 64KB by default, between 1KB and 1MB; reading stops
 *     as soon as an answer is longer
 * @param readTimeout deprecated name of call-timeout
 */
@ConfigurationProperties("delay-close.wxpay")
@Validated
public record DelayCloseWxPayProperties(@NotBlank String appId, @NotBlank String mchId,
        @NotBlank @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with whitespace") String apiKey,
        @Nullable WxPaySignType signType, @Nullable String baseUrl,
        @Nullable @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE) Duration connectTimeout,
        @Nullable @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE) Duration callTimeout,
        @Nullable DataSize maxAnswerSize,
        @Nullable @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE) Duration readTimeout) {

    /** The deprecated read-timeout, for the configuration metadata; read it as the call timeout. */
    @Override
    @Deprecated(since = "0.1.0")
    @DeprecatedConfigurationProperty(replacement = "delay-close.wxpay.call-timeout",
            reason = "each call now has one deadline for the whole answer instead of a timeout per read")
    public @Nullable Duration readTimeout() {
        return readTimeout;
    }

    /** call-timeout and its old name read-timeout are not both set. */
    @AssertTrue(message = "set delay-close.wxpay.call-timeout only; read-timeout is its deprecated name")
    public boolean isCallTimeoutSetOnce() {
        return callTimeout == null || readTimeout == null;
    }

    /** max-answer-size is between 1KB and 1MB. */
    @AssertTrue(message = "must be between 1KB and 1MB")
    public boolean isMaxAnswerSizeInRange() {
        return maxAnswerSize == null || (maxAnswerSize.toBytes() >= WxPaySettings.MIN_ANSWER_BYTES
                && maxAnswerSize.toBytes() <= WxPaySettings.MAX_ANSWER_BYTES);
    }

    /** The gateway's settings; unset values take their defaults there. */
    public WxPaySettings toSettings() {
        return new WxPaySettings(appId, mchId, apiKey, signType, baseUrl, connectTimeout,
                callTimeout != null ? callTimeout : readTimeout,
                maxAnswerSize == null ? null : Math.toIntExact(maxAnswerSize.toBytes()));
    }

    @Override
    public String toString() {
        return "DelayCloseWxPayProperties[appId=" + appId + ", mchId=" + mchId + ", apiKey=******, signType="
                + signType + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", callTimeout="
                + callTimeout + ", maxAnswerSize=" + maxAnswerSize + ", readTimeout=" + readTimeout + "]";
    }
}
