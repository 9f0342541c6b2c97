package io.github.delayclose.defaults.jdbc;

import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Generates order-log ids the way the tutorial's shop does ({@code idWorker.nextId()}): a decimal
 * number of at most 19 digits that grows with time, so it fits the tutorial's short
 * {@code VARCHAR} id column as well as a {@code BIGINT} one and keeps inserts at the end of the
 * primary key index.
 *
 * <p>Layout (a snowflake id): 41 bits of milliseconds since 2020-01-01, 10 bits of a node number
 * chosen at random when the class loads, 12 bits of a per-millisecond sequence. Ids from one JVM
 * never repeat; two JVMs collide only when they drew the same node number and generate in the same
 * millisecond with the same sequence. A collision is not silent: the log insert fails with a
 * duplicate key, the transition's transaction rolls back and the caller retries it.
 */
final class TimeOrderedIds implements Supplier<String> {

    private static final long EPOCH_MILLIS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z

    private static final int NODE_BITS = 10;

    private static final int SEQUENCE_BITS = 12;

    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final long node = new SecureRandom().nextInt(1 << NODE_BITS);

    private long lastMillis = -1;

    private long sequence;

    @Override
    public synchronized String get() {
        // Never step back when the wall clock does (NTP corrections): reuse the last millisecond.
        long millis = Math.max(System.currentTimeMillis(), lastMillis);
        if (millis == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                millis = nextMillisecond();
            }
        }
        else {
            sequence = 0;
        }
        lastMillis = millis;
        long id = ((millis - EPOCH_MILLIS) << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
        return Long.toString(id);
    }

    private long nextMillisecond() {
        long millis = System.currentTimeMillis();
        while (millis <= lastMillis) {
            Thread.onSpinWait();
            millis = System.currentTimeMillis();
        }
        return millis;
    }
}
