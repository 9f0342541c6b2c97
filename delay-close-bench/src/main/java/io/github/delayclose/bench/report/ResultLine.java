package io.github.delayclose.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The machine-readable last line of a run: {@code RESULT scenario=<name> key=value ...}.
 *
 * <p>Keys keep the order they were added in; adding a key again replaces its value in place.
 * Decimals have two places, so lines of different runs line up and compare as text. Values never
 * hold spaces or {@code =}, which would break {@code key=value} splitting.
 */
public final class ResultLine {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

    private final Map<String, String> values = new LinkedHashMap<>();

    private ResultLine(String scenario) {
        put("scenario", scenario);
    }

    public static ResultLine of(String scenario) {
        return new ResultLine(scenario);
    }

    public ResultLine put(String key, long value) {
        return put(key, Long.toString(value));
    }

    public ResultLine put(String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return put(key, "nan");
        }
        return put(key, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString());
    }

    public ResultLine put(String key, boolean value) {
        return put(key, Boolean.toString(value));
    }

    public ResultLine put(String key, String value) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("result keys are lower_snake_case: " + key);
        }
        String clean = value.isEmpty() ? "-" : value.replaceAll("[\\s=]+", "_");
        values.put(key, clean);
        return this;
    }

    /** Copies every key of {@code other} but its scenario, each with {@code prefix} in front. */
    public ResultLine putAll(String prefix, ResultLine other) {
        other.values.forEach((key, value) -> {
            if (!key.equals("scenario")) {
                put(prefix + key, value);
            }
        });
        return this;
    }

    public String get(String key) {
        return values.get(key);
    }

    public String format() {
        StringBuilder line = new StringBuilder("RESULT");
        values.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
