package io.github.delayclose.wxpay.protocol;

import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code nonce_str} values: 32 letters and digits, like WeChat's.
 *
 * <p>Drawn from {@link ThreadLocalRandom}, one generator per thread, so concurrent calls never wait
 * for each other (a shared {@code SecureRandom} serialises them on its lock). The nonce needs no
 * cryptographic strength: it travels in clear text next to the signature, and what makes a request
 * or answer unforgeable is the secret API key in the signature, not the nonce. It only has to differ
 * from one message to the next, which 32 random characters do.
 */
public final class WxPayNonces {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private static final int LENGTH = 32;

    private WxPayNonces() {
    }

    /** A new nonce. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] nonce = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            nonce[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(nonce);
    }
}
