package io.github.delayclose.wxpay.v3.autoconfigure;

import java.time.Duration;

import io.github.delayclose.wxpay.v3.WxPayV3Settings;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The WeChat Pay v3 {@code PaymentGateway}, under {@code delay-close.wxpay-v3.*}. Created when
 * {@code private-key} is set. Settings left unset take the defaults of {@link WxPayV3Settings}.
 *
 * @param appId the appid orders are made for
 * @param mchId the merchant id (mchid)
 * @param merchantSerialNumber serial number of the merchant's API certificate
 * @param privateKey the merchant's API private key, apiclient_key.pem's text; signs requests; never
 *     logged. Keep it out of the configuration file: an environment variable or a secret store
 * @param apiV3Key the 32-character API v3 key; decrypts notifications; never logged
 * @param wechatPayPublicKeyId id of WeChat Pay's public key, PUB_KEY_ID_...; with wechat-pay-public-key
 * @param wechatPayPublicKey WeChat Pay's public key, pub_key.pem's text; verifies answers and
 *     notifications. Set it, or wechat-pay-certificate
 * @param wechatPayCertificate a WeChat Pay platform certificate, PEM, for merchants without the public
 *     key. Set it, or wechat-pay-public-key
 * @param baseUrl base URL of the API, https://api.mch.weixin.qq.com by default; point it at a simulator
 *     for tests and demos
 * @param connectTimeout how long a call may wait for a connection, 6s by default
 * @param callTimeout deadline of a whole call, answer included, 8s by default
 * @param maxAnswerSize largest answer accepted, 64KB by default, between 1KB and 1MB
 */
@ConfigurationProperties("delay-close.wxpay-v3")
@Validated
public record DelayCloseWxPayV3Properties(@NotBlank String appId, @NotBlank String mchId,
        @NotBlank String merchantSerialNumber, @NotBlank String privateKey,
        @NotBlank @Size(min = 32, max = 32) String apiV3Key, @Nullable String wechatPayPublicKeyId,
        @Nullable String wechatPayPublicKey, @Nullable String wechatPayCertificate, @Nullable String baseUrl,
        @Nullable @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE) Duration connectTimeout,
        @Nullable @DurationMin(millis = 1) @DurationMax(millis = Integer.MAX_VALUE) Duration callTimeout,
        @Nullable DataSize maxAnswerSize) {

    /** max-answer-size is between 1KB and 1MB. */
    @AssertTrue(message = "must be between 1KB and 1MB")
    public boolean isMaxAnswerSizeInRange() {
        return maxAnswerSize == null || (maxAnswerSize.toBytes() >= WxPayV3Settings.MIN_ANSWER_BYTES
                && maxAnswerSize.toBytes() <= WxPayV3Settings.MAX_ANSWER_BYTES);
    }

    /** Exactly one way to verify WeChat Pay's signatures is set. */
    @AssertTrue(message = "set wechat-pay-public-key with wechat-pay-public-key-id, or wechat-pay-certificate, not both")
    public boolean isOneWayToVerifySet() {
        boolean publicKey = wechatPayPublicKey != null && !wechatPayPublicKey.isBlank();
        boolean certificate = wechatPayCertificate != null && !wechatPayCertificate.isBlank();
        return publicKey != certificate
                && (!publicKey || (wechatPayPublicKeyId != null && !wechatPayPublicKeyId.isBlank()));
    }

    /** The gateway's settings; unset values take their defaults there, and the keys are checked. */
    public WxPayV3Settings toSettings() {
        return new WxPayV3Settings(appId, mchId, merchantSerialNumber, privateKey, apiV3Key, wechatPayPublicKeyId,
                wechatPayPublicKey, wechatPayCertificate, baseUrl, connectTimeout, callTimeout,
                maxAnswerSize == null ? null : Math.toIntExact(maxAnswerSize.toBytes()));
    }

    @Override
    public String toString() {
        return "DelayCloseWxPayV3Properties[appId=" + appId + ", mchId=" + mchId + ", merchantSerialNumber="
                + merchantSerialNumber + ", privateKey=******, apiV3Key=******, wechatPayPublicKeyId="
                + wechatPayPublicKeyId + ", wechatPayCertificate=" + (wechatPayCertificate == null ? "none" : "set")
                + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout
                + ", callTimeout=" + callTimeout + ", maxAnswerSize=" + maxAnswerSize + "]";
    }
}
