package io.github.delayclose.bench.driver;

import java.time.Duration;

/** Sleeping in the driver's polling loops; an interrupt (Ctrl-C) ends the run. */
public final class Pause {

    private Pause() {
    }

    public static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
