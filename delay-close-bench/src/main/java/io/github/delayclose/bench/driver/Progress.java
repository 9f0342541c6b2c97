package io.github.delayclose.bench.driver;

/** Progress for the person watching, on standard error, so standard output ends with the RESULT line. */
public final class Progress {

    private Progress() {
    }

    public static void say(String message) {
        System.err.println("bench: " + message);
    }
}
