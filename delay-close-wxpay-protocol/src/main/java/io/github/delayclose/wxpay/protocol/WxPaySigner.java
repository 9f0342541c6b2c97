package io.github.delayclose.wxpay.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay v2 signatures with one key and sign type: the non-empty fields except {@code sign},
 * sorted by name, joined as {@code k=v&k=v&key=API_KEY}, digested, upper-case hex.
 *
 * <p>Signs requests and verifies what WeChat sends. The SDK's own check is not used because it trims
 * values before signing, which WeChat's documentation does not do, and compares with
 * {@code equals}, which leaks timing; verification here compares in constant time.
 *
 * <p>Thread-safe and cheap per call: the digest (MD5) or the keyed MAC (HMAC-SHA256) is looked up
 * and keyed once, at construction, and each signature works on a clone of that prototype, so no
 * provider lookup, key set-up or lock happens per call. The key is never shown by {@link #toString()}.
 */
public final class WxPaySigner {

    private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

    private final String apiKey;

    private final WxPaySignType signType;

    /** The MD5 digest, unused; cloned per signature. Null for HMAC-SHA256. */
    private final MessageDigest md5Prototype;

    /** The MAC keyed with the API key, unused; cloned per signature. Null for MD5. */
    private final Mac hmacPrototype;

    /**
     * @param apiKey the merchant's API v2 key
     * @param signType the digest to use
     * @throws IllegalStateException when this JVM lacks the digest
     */
    public WxPaySigner(String apiKey, WxPaySignType signType) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.signType = Objects.requireNonNull(signType, "signType");
        try {
            this.md5Prototype = signType == WxPaySignType.MD5 ? MessageDigest.getInstance("MD5") : null;
            this.hmacPrototype = signType == WxPaySignType.HMAC_SHA256 ? keyedHmac() : null;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(signType + " is not available in this JVM", ex);
        }
    }

    /** The signature of {@code fields}; the {@code sign} field itself and empty values are not signed. */
    public String sign(Map<String, String> fields) {
        byte[] text = stringToSign(fields).getBytes(StandardCharsets.UTF_8);
        return UPPER_HEX.formatHex(signType == WxPaySignType.MD5 ? md5().digest(text) : hmac().doFinal(text));
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
        String[] names = fields.keySet().toArray(new String[0]);
        Arrays.sort(names);
        StringBuilder text = new StringBuilder(256);
        for (String name : names) {
            String value = fields.get(name);
            if (!"sign".equals(name) && value != null && !value.isEmpty()) {
                text.append(name).append('=').append(value).append('&');
            }
        }
        return text.append("key=").append(apiKey).toString();
    }

    private MessageDigest md5() {
        try {
            return (MessageDigest) md5Prototype.clone();
        }
        catch (CloneNotSupportedException ex) {
            return fresh(() -> MessageDigest.getInstance("MD5"));
        }
    }

    private Mac hmac() {
        try {
            return (Mac) hmacPrototype.clone();
        }
        catch (CloneNotSupportedException ex) {
            return fresh(this::keyedHmac);
        }
    }

    private Mac keyedHmac() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac;
    }

    /** A new instance, for the providers that cannot clone; the JDK's can. */
    private <T> T fresh(SecurityFactory<T> factory) {
        try {
            return factory.create();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(signType + " is not available in this JVM", ex);
        }
    }

    @FunctionalInterface
    private interface SecurityFactory<T> {
        T create() throws GeneralSecurityException;
    }

    @Override
    public String toString() {
        return "WxPaySigner[" + signType + ", key=******]";
    }
}
