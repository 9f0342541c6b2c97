package io.github.delayclose.wxpay;

import io.github.delayclose.providerhttp.ProviderHttpSettings;
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
 * <p><b>Timeouts.</b> Each call has one deadline, {@code callTimeout}, that covers connecting,
 * sending, waiting and reading the whole answer, so a provider that answers slowly or drips its
 * answer cannot hold a close longer than that. Earlier versions had a {@code readTimeout} instead,
 * which bounded each read of the socket rather than the call; {@code callTimeout} replaces it.
 *
 * @param appId the {@code appid} (required)
 * @param mchId the merchant id, {@code mch_id} (required)
 * @param apiKey the API v2 key ("API密钥") that signs requests and verifies answers (required);
 *     never shown by {@link #toString()}
 * @param signType how to sign and verify; default {@link WxPaySignType#MD5}, WeChat's default
 * @param baseUrl where the API lives; default {@value #DEFAULT_BASE_URL}. Point it at a simulator
 *     in tests. Stored without a trailing slash.
 * @param connectTimeout how long to wait for a connection; default 6 seconds. The call timeout
 *     bounds it too
 * @param callTimeout the deadline of a whole call, answer included; default 8 seconds. A call that
 *     times out fails with a retryable error, and since a close may still have happened at WeChat,
 *     closing is safe to repeat
 * @param maxAnswerBytes the largest answer accepted, in bytes, from {@value #MIN_ANSWER_BYTES} to
 *     {@value #MAX_ANSWER_BYTES}; default {@value #DEFAULT_MAX_ANSWER_BYTES}. WeChat's answers are 1-2
 *     KB; reading stops as soon as an answer passes the cap
 */
public record WxPaySettings(String appId, String mchId, String apiKey, WxPaySignType signType, String baseUrl,
        Duration connectTimeout, Duration callTimeout, Integer maxAnswerBytes) {

    /** WeChat Pay v2's production endpoint. */
    public static final String DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com";

    /** Default connect timeout, as in WeChat's SDK example configuration. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(6);

    /** Default deadline of a whole call: the SDK example's read timeout, now for the whole answer. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(8);

    /** Default answer cap, 64 KB: far above any real answer, small enough that a hostile one costs nothing. */
    public static final int DEFAULT_MAX_ANSWER_BYTES = 64 * 1024;

    /** The smallest answer cap allowed: below it, WeChat's ordinary answers would be refused. */
    public static final int MIN_ANSWER_BYTES = 1024;

    /** The largest answer cap allowed. */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;

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
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        callTimeout = callTimeout == null ? DEFAULT_CALL_TIMEOUT : callTimeout;
        maxAnswerBytes = maxAnswerBytes == null ? DEFAULT_MAX_ANSWER_BYTES : maxAnswerBytes;
        if (maxAnswerBytes < MIN_ANSWER_BYTES || maxAnswerBytes > MAX_ANSWER_BYTES) {
            throw new IllegalArgumentException("WeChat Pay maxAnswerBytes must be between " + MIN_ANSWER_BYTES + " and "
                    + MAX_ANSWER_BYTES + ", was " + maxAnswerBytes);
        }
        httpSettings(connectTimeout, callTimeout, maxAnswerBytes); // checks the timeouts
    }

    /** Settings with every optional component at its default. */
    public static WxPaySettings of(String appId, String mchId, String apiKey) {
        return new WxPaySettings(appId, mchId, apiKey, null, null, null, null, null);
    }

    /** A builder starting from the defaults. */
    public static Builder builder(String appId, String mchId, String apiKey) {
        return new Builder(appId, mchId, apiKey);
    }

    /** The same settings with another base URL, e.g. a simulator's. */
    public WxPaySettings withBaseUrl(String baseUrl) {
        return new WxPaySettings(appId, mchId, apiKey, signType, baseUrl, connectTimeout, callTimeout, maxAnswerBytes);
    }

    /** The limits of the gateway's HTTP calls. */
    public ProviderHttpSettings httpSettings() {
        return httpSettings(connectTimeout, callTimeout, maxAnswerBytes);
    }

    @Override
    public String toString() {
        return "WxPaySettings[appId=" + appId + ", mchId=" + mchId + ", apiKey=******, signType=" + signType
                + ", baseUrl=" + baseUrl + ", connectTimeout=" + connectTimeout + ", callTimeout=" + callTimeout
                + ", maxAnswerBytes=" + maxAnswerBytes + "]";
    }

    private static ProviderHttpSettings httpSettings(Duration connectTimeout, Duration callTimeout, int maxAnswerBytes) {
        try {
            return new ProviderHttpSettings(connectTimeout, callTimeout, maxAnswerBytes);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("WeChat Pay " + ex.getMessage(), ex);
        }
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

    /** Builds {@link WxPaySettings}; every setter is optional. */
    public static final class Builder {

        private final String appId;

        private final String mchId;

        private final String apiKey;

        private WxPaySignType signType;

        private String baseUrl;

        private Duration connectTimeout;

        private Duration callTimeout;

        private Integer maxAnswerBytes;

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

        /** The deadline of a whole call, answer included. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
            return this;
        }

        /** The largest answer accepted, in bytes. */
        public Builder maxAnswerBytes(int maxAnswerBytes) {
            this.maxAnswerBytes = maxAnswerBytes;
            return this;
        }

        /** The settings, checked; throws {@link IllegalArgumentException} naming the wrong one. */
        public WxPaySettings build() {
            return new WxPaySettings(appId, mchId, apiKey, signType, baseUrl, connectTimeout, callTimeout, maxAnswerBytes);
        }
    }
}
