package io.github.delayclose.core.gateway;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Spaces calls at least {@code 1 / rate} seconds apart, so that no second ever sees more than
 * {@code rate} of them (plus the one on its edge). Strict on purpose: providers count calls per
 * second, and an idle minute earns no burst. Callers over the rate wait their turn; nobody fails.
 */
final class CallPacer {

    private final long intervalNanos;
    private long nextFreeNanos = System.nanoTime();

    CallPacer(int callsPerSecond) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / callsPerSecond;
    }

    /** Waits until this caller may start its call. */
    void awaitTurn() {
        long wait = reserve();
        while (wait > 0) {
            long start = System.nanoTime();
            LockSupport.parkNanos(this, wait);
            wait -= System.nanoTime() - start;
        }
    }

    private synchronized long reserve() {
        long now = System.nanoTime();
        long turn = Math.max(nextFreeNanos, now);
        nextFreeNanos = turn + intervalNanos;
        return turn - now;
    }
}
