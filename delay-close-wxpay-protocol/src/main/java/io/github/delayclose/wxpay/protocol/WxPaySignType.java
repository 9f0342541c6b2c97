package io.github.delayclose.wxpay.protocol;

import java.util.Locale;

/** How WeChat Pay v2 requests, answers and notifications are signed with the API key. */
public enum WxPaySignType {

    /** MD5 over the sorted fields and the key; WeChat's default. */
    MD5("MD5"),

    /** HMAC-SHA256 keyed with the API key; the stronger choice where the merchant account allows it. */
    HMAC_SHA256("HMAC-SHA256");

    private final String wireName;

    WxPaySignType(String wireName) {
        this.wireName = wireName;
    }

    /** The value WeChat uses in the {@code sign_type} field. */
    public String wireName() {
        return wireName;
    }

    /**
     * Reads a {@code sign_type} field. WeChat treats a missing or empty value as MD5.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static WxPaySignType fromWire(String value) {
        if (value == null || value.isEmpty()) {
            return MD5;
        }
        for (WxPaySignType type : values()) {
            if (type.wireName.equals(value.toUpperCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported sign_type: " + value);
    }
}
