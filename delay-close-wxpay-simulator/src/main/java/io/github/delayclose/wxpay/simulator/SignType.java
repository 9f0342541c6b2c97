package io.github.delayclose.wxpay.simulator;

import java.util.Locale;

/** The two signature algorithms of WeChat Pay v2, with the names they have on the wire. */
public enum SignType {

    /** {@code MD5}: the default when a request carries no {@code sign_type}. */
    MD5("MD5"),

    /** {@code HMAC-SHA256}, keyed with the API key. */
    HMAC_SHA256("HMAC-SHA256");

    private final String wireName;

    SignType(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code sign_type} field. */
    public String wireName() {
        return wireName;
    }

    /**
     * Reads a {@code sign_type} field. WeChat treats a missing or empty value as MD5.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static SignType fromWire(String value) {
        if (value == null || value.isEmpty()) {
            return MD5;
        }
        for (SignType type : values()) {
            if (type.wireName.equals(value.toUpperCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported sign_type: " + value);
    }
}
