package io.github.delayclose.autoconfigure;

import java.time.Duration;

import io.github.delayclose.defaults.wxpay.WxPaySettings;
import io.github.delayclose.defaults.wxpay.WxPaySignType;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WeChat Pay v2 default {@code PaymentGateway}, under {@code delay-close.wxpay.*}. Created
 * when {@code api-key} is set, wxpay-sdk is on the class path and the application defines no
 * {@code PaymentGateway} of its own.
 */
@ConfigurationProperties("delay-close.wxpay")
public class DelayCloseWxPayProperties {

    /** The official account or app id (appid). */
    private String appId;

    /** The merchant id (mch_id). */
    private String mchId;

    /** The merchant's API v2 key, used to sign requests and verify answers. Never logged. */
    private String apiKey;

    /** How requests and answers are signed: MD5 or HMAC_SHA256. */
    private WxPaySignType signType = WxPaySignType.MD5;

    /** Base URL of the WeChat Pay API; point it at a simulator for tests and demos. */
    private String baseUrl = "https://api.mch.weixin.qq.com";

    /** Connect timeout of each call. */
    private Duration connectTimeout = Duration.ofSeconds(6);

    /** Read timeout of each call; an answer later than this is retried, never guessed. */
    private Duration readTimeout = Duration.ofSeconds(8);

    public String getAppId() {
        return appId;
    }

    public void setAppId(String appId) {
        this.appId = appId;
    }

    public String getMchId() {
        return mchId;
    }

    public void setMchId(String mchId) {
        this.mchId = mchId;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public WxPaySignType getSignType() {
        return signType;
    }

    public void setSignType(WxPaySignType signType) {
        this.signType = signType;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** The settings, checked: a missing or malformed value fails start-up naming the setting. */
    public WxPaySettings toSettings() {
        return new WxPaySettings(appId, mchId, apiKey, signType, baseUrl, connectTimeout, readTimeout);
    }
}
