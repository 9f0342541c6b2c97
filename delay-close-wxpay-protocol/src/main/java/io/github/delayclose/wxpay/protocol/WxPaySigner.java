package io.github.delayclose.wxpay.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v2 signatures with one key and sign type: the non-empty fields except {@code sign},
 * sorted by name, joined as {@code k=v&k=v&key=API_KEY}, digested, upper-case hex.
 *
 * <p>Used to verify what WeChat sends. The SDK's own check is not used because it trims values
 * before signing, which WeChat's documentation does not do, and compares with {@code equals},
 * which leaks timing.
 */
public final class WxPaySigner {

    private final String apiKey;

    private final WxPaySignType signType;

    /**
     * @param apiKey the merchant's API v2 key
     * @param signType the digest to use
     */
    public WxPaySigner(String apiKey, WxPaySignType signType) {
        this.apiKey = apiKey;
        this.signType = signType;
    }

    /** The signature of {@code fields}; the {@code sign} field itself and empty values are not signed. */
    public String sign(Map<String, String> fields) {
        String text = stringToSign(fields);
        byte[] digest;
        try {
            if (signType == WxPaySignType.MD5) {
                digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            }
            else {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(signType + " is not available in this JVM", ex);
        }
        return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
    }

    /** Whether {@code fields} carry a {@code sign} matching their content; constant-time comparison. */
    public boolean isValid(Map<String, String> fields) {
        String given = fields.get("sign");
        if (given == null || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sign(fields).getBytes(StandardCharsets.UTF_8),
                given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /** The digest this signer uses. */
    public WxPaySignType signType() {
        return signType;
    }

    /** The text that is digested; visible for WeChat's documented example in the tests. */
    String stringToSign(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> {
            if (!"sign".equals(name) && value != null && !value.isEmpty()) {
                text.append(name).append('=').append(value).append('&');
            }
        });
        return text.append("key=").append(apiKey).toString();
    }

    @Override
    public String toString() {
        return "WxPaySigner[" + signType + ", key=******]";
    }
}
