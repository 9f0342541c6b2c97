package io.github.delayclose.wxpay;

/**
 * WeChat Pay's {@code total_fee}: the amount in fen, a non-negative whole number. Read strictly, so
 * that a value that is not one is reported rather than guessed at.
 */
final class WxPayTotalFee {

    /** 18 digits always fit in a long. */
    private static final int MAX_DIGITS = 18;

    private WxPayTotalFee() {
    }

    /**
     * @return the amount, or {@code null} when the field is absent or empty
     * @throws IllegalArgumentException when the field is present but not a non-negative whole number
     */
    static Long parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("total_fee " + value + " is not a whole number of fen");
        }
        return Long.parseLong(value);
    }
}
