package io.github.delayclose.alipay;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;

import io.github.delayclose.providerhttp.ProviderHttpSettings;
import org.jspecify.annotations.Nullable;

/**
 * The Alipay app and connection settings of the Alipay gateway. Immutable and checked on
 * construction: both keys are parsed, so a wrong or truncated key fails start-up with a message
 * naming it. {@code null} for an optional component means its default.
 *
 * <p>Keys are given as Alipay's console hands them out: base64 text, with or without PEM
 * {@code -----BEGIN ...-----} lines and line breaks.
 *
 * @param appId the app's {@code app_id} (required)
 * @param privateKey the app's RSA2 private key, PKCS#8 ("应用私钥"), which signs requests (required);
 *     never shown by {@link #toString()}
 * @param alipayPublicKey Alipay's public key for this app ("支付宝公钥"), which verifies answers and
 *     notifications (required). Public-key mode only: apps in certificate mode are not supported
 * @param gatewayUrl the OpenAPI gateway; default {@value #DEFAULT_GATEWAY_URL}, the sandbox is
 *     {@value #SANDBOX_GATEWAY_URL}
 * @param connectTimeout how long to wait for a connection; default 6 seconds
 * @param callTimeout the deadline of a whole call, answer included; default 8 seconds
 * @param maxAnswerBytes the largest answer accepted, in bytes, 1 KB to 1 MB; default 64 KB
 */
public record AlipaySettings(String appId, String privateKey, String alipayPublicKey, String gatewayUrl,
        Duration connectTimeout, Duration callTimeout, Integer maxAnswerBytes) {

    /** Alipay's production gateway. */
    public static final String DEFAULT_GATEWAY_URL = "https://openapi.alipay.com/gateway.do";

    /** Alipay's sandbox gateway. */
    public static final String SANDBOX_GATEWAY_URL = "https://openapi-sandbox.dl.alipaydev.com/gateway.do";

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

    public AlipaySettings(String appId, String privateKey, String alipayPublicKey, @Nullable String gatewayUrl,
            @Nullable Duration connectTimeout, @Nullable Duration callTimeout, @Nullable Integer maxAnswerBytes) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("Alipay appId must be set");
        }
        this.appId = appId.strip();
        this.privateKey = key(privateKey, "privateKey", "the app's RSA2 private key, PKCS#8");
        this.alipayPublicKey = key(alipayPublicKey, "alipayPublicKey", "Alipay's public key for the app");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(this.privateKey)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("Alipay privateKey is not an RSA private key in PKCS#8 (Alipay's key tool "
                    + "writes it as \"应用私钥 RSA2048 PKCS8\"); an RSA key in PKCS#1 must be converted first");
        }
        try {
            KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(this.alipayPublicKey)));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IllegalArgumentException("Alipay alipayPublicKey is not an RSA public key (copy \"支付宝公钥\" from "
                    + "the app's settings, not the app's own public key)");
        }
        this.gatewayUrl = checkUrl(gatewayUrl == null ? DEFAULT_GATEWAY_URL : gatewayUrl);
        this.connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        this.callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        this.maxAnswerBytes = maxAnswerBytes == null ? DEFAULT_MAX_ANSWER_BYTES : maxAnswerBytes;
        if (this.maxAnswerBytes < MIN_ANSWER_BYTES || this.maxAnswerBytes > MAX_ANSWER_BYTES) {
            throw new IllegalArgumentException("Alipay maxAnswerBytes must be between " + MIN_ANSWER_BYTES + " and "
                    + MAX_ANSWER_BYTES + ", was " + this.maxAnswerBytes);
        }
        httpSettings();
    }

    /** Settings with every optional component at its default. */
    public static AlipaySettings of(String appId, String privateKey, String alipayPublicKey) {
        return new AlipaySettings(appId, privateKey, alipayPublicKey, null, null, null, null);
    }

    /** The same settings with another gateway URL, e.g. a simulator's. */
    public AlipaySettings withGatewayUrl(String gatewayUrl) {
        return new AlipaySettings(appId, privateKey, alipayPublicKey, gatewayUrl, connectTimeout, callTimeout,
                maxAnswerBytes);
    }

    /** The same settings with another call timeout. */
    public AlipaySettings withCallTimeout(Duration callTimeout) {
        return new AlipaySettings(appId, privateKey, alipayPublicKey, gatewayUrl, connectTimeout, callTimeout,
                maxAnswerBytes);
    }

    /** The limits of the gateway's HTTP calls. */
    public ProviderHttpSettings httpSettings() {
        try {
            return new ProviderHttpSettings(connectTimeout, callTimeout, maxAnswerBytes);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Alipay " + ex.getMessage(), ex);
        }
    }

    @Override
    public String toString() {
        return "AlipaySettings[appId=" + appId + ", privateKey=******, alipayPublicKey=" + alipayPublicKey.substring(0, 12)
                + "…, gatewayUrl=" + gatewayUrl + ", connectTimeout=" + connectTimeout + ", callTimeout=" + callTimeout
                + ", maxAnswerBytes=" + maxAnswerBytes + "]";
    }

    /** The key's base64 text without PEM armour or white space. */
    private static String key(@Nullable String value, String name, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Alipay " + name + " must be set (" + what + ")");
        }
        return value.replaceAll("-----(BEGIN|END)[A-Z ]*-----", "").replaceAll("\\s", "");
    }

    private static String checkUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("Alipay gatewayUrl is not a URL: " + value, ex);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Alipay gatewayUrl must be an absolute http(s) URL without query, such as "
                    + DEFAULT_GATEWAY_URL + ", was: " + value);
        }
        return uri.toString();
    }
}
