package io.github.delayclose.bench.app;

import java.util.Arrays;

/** What the application under test runs: delay-close, or the tutorial's design as the baseline. */
public enum AppMode {

    /** The starter with the JDBC and WeChat Pay v2 defaults, as a shop that tunes nothing runs it. */
    DELAY_CLOSE("delay-close"),

    /** The tutorial's single consumer that calls the provider inside the database transaction. */
    TUTORIAL("tutorial");

    /** The property that selects the mode in the application under test. */
    public static final String PROPERTY = "bench.mode";

    private final String value;

    AppMode(String value) {
        this.value = value;
    }

    /** The value of {@value #PROPERTY}. */
    public String value() {
        return value;
    }

    public static AppMode of(String value) {
        return Arrays.stream(values()).filter(mode -> mode.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + PROPERTY + ": " + value));
    }
}
