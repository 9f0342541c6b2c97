package io.github.delayclose.core.close;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many closes use the database at once, so a wide window of closes waits here, in order,
 * instead of piling onto the connection pool (where a wait longer than the pool's timeout fails the
 * close). Sized to the connection pool, every close that gets through finds a connection at once,
 * and holds it only for its short read or transaction: provider calls happen outside the gate.
 */
public final class DatabaseGate {

    private final Semaphore permits;

    /**
     * @param permits the most closes in the database at once, at least 1; normally the connection
     *     pool's size
     */
    public DatabaseGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("the database gate needs at least 1 permit, but was " + permits);
        }
        this.permits = new Semaphore(permits, true);
    }

    /** A gate that never makes anyone wait, for repositories without a connection pool. */
    public static DatabaseGate unbounded() {
        return new DatabaseGate(Integer.MAX_VALUE);
    }

    /** Runs database work once a permit is free. */
    public <T> T call(Supplier<T> work) {
        permits.acquireUninterruptibly();
        try {
            return work.get();
        }
        finally {
            permits.release();
        }
    }
}
