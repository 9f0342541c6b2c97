package io.github.delayclose.wxpay;

import io.github.delayclose.wxpay.protocol.WxPaySignType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * The merchant account and connection settings of the WeChat Pay v2 gateway. Immutable and
 * checked on construction, so a wrong setting fails start-up with a message naming it.
 *
 * <p>{@code null} for an optional component means its default, which suits binding from
 * configuration properties.
 *
 * @param appId the {@code appid} (required)
 * @param mchId the merchant id, {@code mch_id} (required)
 * @param apiKey the API v2 key ("API密钥") that signs requests and verifies answers (required);
 *     never shown by {@link #toString()}
 * @param signType how to sign and verify; default {@link WxPaySignType#MD5}, WeChat's default
 * @param baseUrl where the API lives; default {@value #DEFAULT_BASE_URL}. Point it at a simulator
 *     in tests. Stored without a trailing slash.
 * @param connectTimeout how long to wait for a connection; default 6 seconds
 * @param readTimeout how long to wait for an answer; default 8 seconds. A call that times out
 *     fails with a retryable error, and since a close may still have happened at WeChat, closing is
 *     safe to repeat
 */
public record WxPaySettings(String appId, String mchId, String apiKey, WxPaySignType signType, String baseUrl,
        Duration connectTimeout, Duration readTimeout) {

    /** WeChat Pay v2's production endpoint. */
    public static final String DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com";

    /** Default connect timeout, as in WeChat's SDK example configuration. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(6);

    /** Default read timeout, as in WeChat's SDK example configuration. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(8);

    public WxPaySettings {
        appId = requireText(appId, "appId");
        mchId = requireText(mchId, "mchId");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("WeChat Pay apiKey must be set (the merchant's API v2 key)");
        }
        if (!apiKey.equals(apiKey.strip())) {
            // A pasted key with a stray space would sign every request wrongly ("签名错误").
            throw new IllegalArgumentException("WeChat Pay apiKey must not start or end with whitespace");
        }
        signType = signType == null ? WxPaySignType.MD5 : signType;
        baseUrl = checkBaseUrl(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
        connectTimeout = checkTimeout(connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout, "connectTimeout");
        readTimeout = checkTimeout(readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout, "readTimeout");
    }

    /** Settings with every optional component at its default. */
    public static WxPaySettings of(String appId, String mchId, String apiKey) {
        return new WxPaySettings(appId, mchId, apiKey, null, null, null, null);
    }

    /** A builder starting from the defaults. */
    public static Builder builder(String appId, String mchId, String apiKey) {
        return new Builder(appId, mchId, apiKey);
    }

    /** The same settings with another base URL, e.g. a simulator's. */
    public WxPaySettings withBaseUrl(String baseUrl) {
        return new WxPaySettings(appId, mchId, apiKey, signType, baseUrl, connectTimeout, readTimeout);
    }

    @Override
    public String toString() {
        return "WxPaySettings[appId=" + appId + ", mchId=" + mchId + ", apiKey=******, signType=" + signType
                + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("WeChat Pay " + name + " must be set");
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
            throw new IllegalArgumentException("WeChat Pay baseUrl is not a URL: " + value, ex);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("WeChat Pay baseUrl must be an absolute http(s) URL such as "
                    + DEFAULT_BASE_URL + ", was: " + value);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("WeChat Pay baseUrl must not have a query, fragment or user info: " + value);
        }
        return url;
    }

    private static Duration checkTimeout(Duration timeout, String name) {
        // HttpURLConnection takes int milliseconds, and 0 would mean "wait forever".
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("WeChat Pay " + name + " must be between 1ms and "
                    + Integer.MAX_VALUE + "ms, was " + timeout);
        }
        return timeout;
    }

    /** Builds {@link WxPaySettings}; every setter is optional. */
    public static final class Builder {

        private final String appId;

        private final String mchId;

        private final String apiKey;

        private WxPaySignType signType;

        private String baseUrl;

        private Duration connectTimeout;

        private Duration readTimeout;

        private Builder(String appId, String mchId, String apiKey) {
            this.appId = appId;
            this.mchId = mchId;
            this.apiKey = apiKey;
        }

        /** How to sign and verify; default MD5. */
        public Builder signType(WxPaySignType signType) {
            this.signType = Objects.requireNonNull(signType, "signType");
            return this;
        }

        /** Where the API lives, e.g. a simulator's URL. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** How long to wait for a connection. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long to wait for an answer. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
            return this;
        }

        /** The settings, checked; throws {@link IllegalArgumentException} naming the wrong one. */
        public WxPaySettings build() {
            return new WxPaySettings(appId, mchId, apiKey, signType, baseUrl, connectTimeout, readTimeout);
        }
    }
}
