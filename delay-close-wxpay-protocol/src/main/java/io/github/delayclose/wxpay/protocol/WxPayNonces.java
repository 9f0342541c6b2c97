package io.github.delayclose.wxpay.protocol;

import java.security.SecureRandom;

/** Random {@code nonce_str} values: 32 letters and digits, like WeChat's. */
public final class WxPayNonces {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private WxPayNonces() {
    }

    /** A new nonce. */
    public static String next() {
        char[] nonce = new char[32];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(nonce);
    }
}
