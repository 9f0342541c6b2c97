package io.github.delayclose.wxpay.autoconfigure;

import java.time.Duration;

import io.github.delayclose.wxpay.WxPaySettings;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The WeChat Pay v2 {@code PaymentGateway}, under {@code delay-close.wxpay.*}. Created when
 * {@code api-key} is set and the application defines no {@code PaymentGateway} of its own. Settings
 * left unset take the defaults of {@link WxPaySettings}.
 *
 * @param appId the official account or app id (appid)
 * @param mchId the merchant id (mch_id)
 * @param apiKey the merchant's API v2 key, used to sign requests and verify answers; never logged
 * @param signType how requests and answers are signed: MD5 (the default) or HMAC_SHA256
 * @param baseUrl base URL of the WeChat Pay API, https://api.mch.weixin.qq.com by default; point it
 *     at a simulator for tests and demos
 * @param connectTimeout connect timeout of each call, 6s by default
 * @param readTimeout read timeout of each call, 8s by default; an answer later than this is retried,
 *     never guessed
 */
@ConfigurationProperties("delay-close.wxpay")
@Validated
public record DelayCloseWxPayProperties(@NotBlank String appId, @NotBlank String mchId,
        @NotBlank @Pattern(regexp = "\\S(.*\\S)?", message = "must not start or end with whitespace") String apiKey,
        @Nullable WxPaySignType signType, @Nullable String baseUrl, @Nullable Duration connectTimeout,
        @Nullable Duration readTimeout) {

    /** The gateway's settings; unset values take their defaults there. */
    public WxPaySettings toSettings() {
        return new WxPaySettings(appId, mchId, apiKey, signType, baseUrl, connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
        return "DelayCloseWxPayProperties[appId=" + appId + ", mchId=" + mchId + ", apiKey=******, signType="
                + signType + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + "]";
    }
}
