package io.github.delayclose.bench.driver;

import java.time.Duration;

/**
 * Waits until the expected number of orders have ended, reporting progress on standard error.
 * Gives up when nothing ends for the stall time: the orders that are left are then what the
 * end-state check counts as lost.
 */
public final class CloseWatcher {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration REPORT = Duration.ofSeconds(5);

    private final CloseClock clock;
    private final Duration stall;

    public CloseWatcher(CloseClock clock, Duration stall) {
        this.clock = clock;
        this.stall = stall;
    }

    public CloseClock.Ended await(int expected, String label) {
        CloseClock.Ended ended = clock.ended();
        long lastProgress = System.nanoTime();
        long lastReport = System.nanoTime();
        int lastCount = ended.count();
        while (ended.count() < expected && System.nanoTime() - lastProgress < stall.toNanos()) {
            Pause.of(POLL);
            ended = clock.ended();
            if (ended.count() != lastCount) {
                lastCount = ended.count();
                lastProgress = System.nanoTime();
            }
            if (System.nanoTime() - lastReport > REPORT.toNanos()) {
                Progress.say(label + ": " + ended.count() + "/" + expected + " orders ended");
                lastReport = System.nanoTime();
            }
        }
        if (ended.count() < expected) {
            Progress.say(label + ": nothing ended for " + stall.toSeconds() + " s; giving up with "
                    + (expected - ended.count()) + " orders open");
        }
        return ended;
    }
}
