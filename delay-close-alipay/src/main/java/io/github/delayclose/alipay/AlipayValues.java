package io.github.delayclose.alipay;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Alipay's amounts (yuan with two decimals) and times (China Standard Time, to the second). */
final class AlipayValues {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AlipayValues() {
    }

    /**
     * Fen from an amount such as {@code 88.88}.
     *
     * @throws IllegalArgumentException when it is not a non-negative amount with at most two decimals
     */
    static long fen(String yuan) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(yuan);
        }
        catch (NumberFormatException | NullPointerException ex) {
            throw new IllegalArgumentException("amount " + yuan + " is not a number");
        }
        if (amount.signum() < 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("amount " + yuan + " is not yuan with at most two decimals");
        }
        try {
            return amount.movePointRight(2).longValueExact();
        }
        catch (ArithmeticException ex) {
            throw new IllegalArgumentException("amount " + yuan + " is out of range");
        }
    }

    /** The instant of a time such as {@code 2026-12-02 16:00:00}, which Alipay gives in China Standard Time. */
    static Instant time(String text) throws DateTimeParseException {
        return LocalDateTime.parse(text, TIME).atZone(CHINA).toInstant();
    }

    /** {@code instant} as Alipay writes times. */
    static String format(Instant instant) {
        return TIME.format(instant.atZone(CHINA));
    }
}
