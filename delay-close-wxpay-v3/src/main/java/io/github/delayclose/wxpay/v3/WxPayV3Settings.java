package io.github.delayclose.wxpay.v3;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.wechat.pay.java.core.AbstractRSAConfigBuilder;
import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.RSAConfig;
import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.notification.NotificationConfig;
import com.wechat.pay.java.core.notification.RSANotificationConfig;
import io.github.delayclose.providerhttp.ProviderHttpSettings;
import org.jspecify.annotations.Nullable;

/**
 * The merchant account and connection settings of the WeChat Pay v3 gateway. Immutable and checked
 * on construction: the keys are parsed, so a wrong key fails start-up with a message naming it.
 * {@code null} for an optional component means its default.
 *
 * <p>Answers and notifications are verified with either the WeChat Pay public key ("微信支付公钥", with
 * its id {@code PUB_KEY_ID_…}), which WeChat Pay gives every new merchant, or a WeChat Pay platform
 * certificate ("平台证书"), which older merchants have: set one of the two. Keys are given as PEM
 * text or bare base64, certificates as PEM.
 *
 * @param appId the {@code appid} orders are made for (required)
 * @param mchId the merchant id, {@code mchid} (required)
 * @param merchantSerialNumber the serial number of the merchant's API certificate ("商户API证书序列号") (required)
 * @param privateKey the merchant's API private key ({@code apiclient_key.pem}), which signs requests
 *     (required); never shown by {@link #toString()}
 * @param apiV3Key the API v3 key ("APIv3密钥", 32 characters), which decrypts notifications (required);
 *     never shown
 * @param wechatPayPublicKeyId the id of WeChat Pay's public key, {@code PUB_KEY_ID_…}; with {@code wechatPayPublicKey}
 * @param wechatPayPublicKey WeChat Pay's public key ({@code pub_key.pem}), which verifies answers and
 *     notifications; or {@code null} with a platform certificate
 * @param wechatPayCertificate a WeChat Pay platform certificate, PEM, which verifies answers and
 *     notifications whose {@code Wechatpay-Serial} is its serial number; or {@code null} with a public key
 * @param baseUrl where the API lives; default {@value #DEFAULT_BASE_URL}; point it at a simulator in tests
 * @param connectTimeout how long to wait for a connection; default 6 seconds
 * @param callTimeout the deadline of a whole call, answer included; default 8 seconds
 * @param maxAnswerBytes the largest answer accepted, 1 KB to 1 MB; default 64 KB
 */
public record WxPayV3Settings(String appId, String mchId, String merchantSerialNumber, String privateKey,
        String apiV3Key, @Nullable String wechatPayPublicKeyId, @Nullable String wechatPayPublicKey,
        @Nullable String wechatPayCertificate, String baseUrl, Duration connectTimeout, Duration callTimeout,
        Integer maxAnswerBytes) {

    /** WeChat Pay's production endpoint. */
    public static final String DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com";

    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(6);

    /** Default deadline of a whole call. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(8);

    /** Default answer cap: far above any real answer (1-2 KB). */
    public static final int DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;

    /** The smallest answer cap allowed. */
    public static final int MIN_ANSWER_BYTES = 1024;

    /** The largest answer cap allowed. */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;

    public WxPayV3Settings(String appId, String mchId, String merchantSerialNumber, String privateKey, String apiV3Key,
            @Nullable String wechatPayPublicKeyId, @Nullable String wechatPayPublicKey,
            @Nullable String wechatPayCertificate, @Nullable String baseUrl, @Nullable Duration connectTimeout,
            @Nullable Duration callTimeout, @Nullable Integer maxAnswerBytes) {
        this.appId = text(appId, "appId");
        this.mchId = text(mchId, "mchId");
        this.merchantSerialNumber = text(merchantSerialNumber, "merchantSerialNumber");
        this.privateKey = text(privateKey, "privateKey");
        if (apiV3Key == null || apiV3Key.getBytes(StandardCharsets.UTF_8).length != 32) {
            throw new IllegalArgumentException("WeChat Pay v3 apiV3Key must be the 32-character API v3 key");
        }
        this.apiV3Key = apiV3Key;
        boolean publicKey = wechatPayPublicKey != null && !wechatPayPublicKey.isBlank();
        boolean certificate = wechatPayCertificate != null && !wechatPayCertificate.isBlank();
        if (publicKey == certificate) {
            throw new IllegalArgumentException("WeChat Pay v3 needs exactly one way to verify WeChat Pay's signatures: "
                    + "wechatPayPublicKey with wechatPayPublicKeyId, or wechatPayCertificate");
        }
        this.wechatPayPublicKeyId = publicKey ? text(wechatPayPublicKeyId, "wechatPayPublicKeyId") : null;
        this.wechatPayPublicKey = publicKey ? wechatPayPublicKey.strip() : null;
        this.wechatPayCertificate = certificate ? wechatPayCertificate.strip() : null;
        this.baseUrl = checkBaseUrl(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
        this.connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        this.callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        this.maxAnswerBytes = maxAnswerBytes == null ? DEFAULT_MAX_ANSWER_BYTES : maxAnswerBytes;
        if (this.maxAnswerBytes < MIN_ANSWER_BYTES || this.maxAnswerBytes > MAX_ANSWER_BYTES) {
            throw new IllegalArgumentException("WeChat Pay v3 maxAnswerBytes must be between " + MIN_ANSWER_BYTES
                    + " and " + MAX_ANSWER_BYTES + ", was " + this.maxAnswerBytes);
        }
        httpSettings();
        config(); // parses the keys and certificate now rather than at the first call
        notificationConfig();
    }

    /** Settings with every optional component at its default. */
    public static WxPayV3Settings of(String appId, String mchId, String merchantSerialNumber, String privateKey,
            String apiV3Key, String wechatPayPublicKeyId, String wechatPayPublicKey) {
        return new WxPayV3Settings(appId, mchId, merchantSerialNumber, privateKey, apiV3Key, wechatPayPublicKeyId,
                wechatPayPublicKey, null, null, null, null, null);
    }

    /** Settings that verify WeChat Pay's signatures with a platform certificate, the rest at defaults. */
    public static WxPayV3Settings withCertificate(String appId, String mchId, String merchantSerialNumber,
            String privateKey, String apiV3Key, String wechatPayCertificate) {
        return new WxPayV3Settings(appId, mchId, merchantSerialNumber, privateKey, apiV3Key, null, null,
                wechatPayCertificate, null, null, null, null);
    }

    /** The same settings with another base URL, e.g. a simulator's. */
    public WxPayV3Settings withBaseUrl(String baseUrl) {
        return new WxPayV3Settings(appId, mchId, merchantSerialNumber, privateKey, apiV3Key, wechatPayPublicKeyId,
                wechatPayPublicKey, wechatPayCertificate, baseUrl, connectTimeout, callTimeout, maxAnswerBytes);
    }

    /** The same settings with another call timeout. */
    public WxPayV3Settings withCallTimeout(Duration callTimeout) {
        return new WxPayV3Settings(appId, mchId, merchantSerialNumber, privateKey, apiV3Key, wechatPayPublicKeyId,
                wechatPayPublicKey, wechatPayCertificate, baseUrl, connectTimeout, callTimeout, maxAnswerBytes);
    }

    /** The limits of the gateway's HTTP calls. */
    public ProviderHttpSettings httpSettings() {
        try {
            return new ProviderHttpSettings(connectTimeout, callTimeout, maxAnswerBytes);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("WeChat Pay v3 " + ex.getMessage(), ex);
        }
    }

    /** wechatpay-java's configuration of requests: signer and answer verifier. */
    Config config() {
        if (wechatPayPublicKey != null) {
            return publicKeyConfig();
        }
        RSAConfig.Builder builder = new RSAConfig.Builder().merchantId(mchId).merchantSerialNumber(merchantSerialNumber);
        privateKey(builder);
        try {
            return builder.wechatPayCertificates(wechatPayCertificate).build();
        }
        catch (RuntimeException ex) {
            throw badCertificate();
        }
    }

    /** wechatpay-java's configuration of notifications: verifier and AES-GCM cipher. */
    NotificationConfig notificationConfig() {
        if (wechatPayPublicKey != null) {
            return publicKeyConfig();
        }
        try {
            return new RSANotificationConfig.Builder().certificates(wechatPayCertificate).apiV3Key(apiV3Key).build();
        }
        catch (RuntimeException ex) {
            throw badCertificate();
        }
    }

    private RSAPublicKeyConfig publicKeyConfig() {
        RSAPublicKeyConfig.Builder builder = new RSAPublicKeyConfig.Builder().merchantId(mchId)
                .merchantSerialNumber(merchantSerialNumber).apiV3Key(apiV3Key).publicKeyId(wechatPayPublicKeyId);
        privateKey(builder);
        try {
            builder.publicKey(wechatPayPublicKey);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("WeChat Pay v3 wechatPayPublicKey is not an RSA public key in PEM "
                    + "(pub_key.pem, from 微信支付公钥 in the merchant platform)");
        }
        return builder.build();
    }

    private void privateKey(AbstractRSAConfigBuilder<?> builder) {
        try {
            builder.privateKey(privateKey);
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("WeChat Pay v3 privateKey is not an RSA private key in PKCS#8 PEM "
                    + "(apiclient_key.pem)");
        }
    }

    private static IllegalArgumentException badCertificate() {
        return new IllegalArgumentException("WeChat Pay v3 wechatPayCertificate is not an X.509 certificate in PEM "
                + "(the platform certificate, wechatpay_<serial>.pem)");
    }

    @Override
    public String toString() {
        return "WxPayV3Settings[appId=" + appId + ", mchId=" + mchId + ", merchantSerialNumber=" + merchantSerialNumber
                + ", privateKey=******, apiV3Key=******, wechatPayPublicKeyId=" + wechatPayPublicKeyId
                + ", wechatPayCertificate=" + (wechatPayCertificate == null ? "none" : "set") + ", baseUrl="
                + baseUrl + ", connectTimeout=" + connectTimeout + ", callTimeout=" + callTimeout + ", maxAnswerBytes="
                + maxAnswerBytes + "]";
    }

    private static String text(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("WeChat Pay v3 " + name + " must be set");
        }
        return value.strip();
    }

    private static String checkBaseUrl(String value) {
        String url = value.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("WeChat Pay v3 baseUrl is not a URL: " + value, ex);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("WeChat Pay v3 baseUrl must be scheme and host only, such as "
                    + DEFAULT_BASE_URL + ", was: " + value);
        }
        return url;
    }
}
