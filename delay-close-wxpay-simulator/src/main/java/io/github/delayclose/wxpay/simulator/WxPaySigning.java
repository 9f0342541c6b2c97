package io.github.delayclose.wxpay.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v2's signature: the non-empty fields except {@code sign}, sorted by name (ASCII),
 * joined as {@code k=v&k=v}, then {@code &key=API_KEY}, digested with MD5 or HMAC-SHA256 (keyed
 * with the API key) and written as upper-case hex.
 *
 * <p>The simulator has its own copy rather than using wxpay-sdk so that it checks the SDK (and the
 * gateway built on it) against an independent reading of the documentation.
 */
public final class WxPaySigning {

    private WxPaySigning() {
    }

    /** The signature of {@code fields} under {@code apiKey}. */
    public static String sign(Map<String, String> fields, String apiKey, SignType type) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(type, "type");
        byte[] digest = switch (type) {
            case MD5 -> md5(stringToSign(fields, apiKey));
            case HMAC_SHA256 -> hmacSha256(stringToSign(fields, apiKey), apiKey);
        };
        return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
    }

    /**
     * Whether {@code fields} carry a {@code sign} that matches their content. Compared in constant
     * time, so response timing does not leak how much of a forged signature was right.
     */
    public static boolean isValid(Map<String, String> fields, String apiKey, SignType type) {
        String given = fields.get("sign");
        if (given == null || given.isEmpty()) {
            return false;
        }
        String expected = sign(fields, apiKey, type);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** The string that is digested; visible for the documentation example in the tests. */
    static String stringToSign(Map<String, String> fields, String apiKey) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!"sign".equals(name) && value != null && !value.isEmpty()) {
                text.append(name).append('=').append(value).append('&');
            }
        });
        return text.append("key=").append(apiKey).toString();
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("MD5 is not available in this JVM", ex);
        }
    }

    private static byte[] hmacSha256(String text, String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
        }
    }
}
