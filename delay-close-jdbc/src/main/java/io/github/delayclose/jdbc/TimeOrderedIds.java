package io.github.delayclose.jdbc;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Generates order-log ids the way the tutorial's shop does ({@code idWorker.nextId()}): a decimal
 * number of at most 19 digits that grows with time, so it fits the tutorial's short
 * {@code VARCHAR} id column as well as a {@code BIGINT} one and keeps inserts at the end of the
 * primary key index.
 *
 * <p>Layout (a snowflake id): 41 bits of milliseconds since 2020-01-01, 10 bits of a node number
 * chosen at random when the class loads, 12 bits of a per-millisecond sequence. Ids from one JVM
 * never repeat and strictly increase; two JVMs collide only when they drew the same node number and
 * generate in the same millisecond with the same sequence. A collision is not silent: the log insert
 * fails with a duplicate key, the transition's transaction rolls back and the caller retries it.
 *
 * <p><b>Never waits for the clock.</b> Ids are drawn by transactions that hold row locks, so a
 * generator that paused until the clock caught up would stall them all. When the wall clock steps
 * back (NTP corrections), ids keep counting in the last millisecond used; when 4096 ids have been
 * drawn in one millisecond, the next ones go to the following millisecond even if the clock has not
 * reached it yet. The millisecond part then runs a little ahead of the clock until it catches up,
 * which costs nothing but a little accuracy of the time an id encodes.
 */
final class TimeOrderedIds implements Supplier<String> {

    private static final long EPOCH_MILLIS = 1_577_836_800_000L; // 2020-01-01T00:00:00Z

    private static final int NODE_BITS = 10;

    private static final int SEQUENCE_BITS = 12;

    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;

    private final long node = new SecureRandom().nextInt(1 << NODE_BITS);

    private final Clock clock;

    /** The millisecond of the last id: the clock's, or ahead of it after a burst or a step back. */
    private long lastMillis = -1;

    private long sequence;

    TimeOrderedIds() {
        this(Clock.systemUTC());
    }

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        long now = clock.millis();
        long millis;
        if (now > lastMillis) {
            millis = now;
            sequence = 0;
        }
        else {
            // Same millisecond, or the clock stepped back: continue after the last id.
            sequence = (sequence + 1) & SEQUENCE_MASK;
            millis = (sequence == 0) ? lastMillis + 1 : lastMillis;
        }
        lastMillis = millis;
        long id = ((millis - EPOCH_MILLIS) << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
        return Long.toString(id);
    }
}
