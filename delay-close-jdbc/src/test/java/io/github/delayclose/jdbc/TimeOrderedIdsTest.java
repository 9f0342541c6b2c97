package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link TimeOrderedIds} never waits for the clock: ids are handed out while callers hold row locks,
 * so a burst beyond 4096 ids in a millisecond, or a clock stepping back, must not stall them.
 */
class TimeOrderedIdsTest {

    /** Far longer than generating the ids takes; a generator that waits for the clock never finishes. */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    private static final Instant T0 = Instant.parse("2024-05-01T02:00:00Z");

    @Test
    void moreThan4096IdsInOneFixedMillisecondAreUniqueIncreasingAndImmediate() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(T0, ZoneOffset.UTC));

        List<Long> generated = assertTimeoutPreemptively(AT_ONCE, () -> generate(ids, 3 * 4096 + 17));

        assertStrictlyIncreasing(generated);
    }

    @Test
    void clockSteppingBackNeitherRepeatsNorWaits() {
        SettableClock clock = new SettableClock(T0);
        TimeOrderedIds ids = new TimeOrderedIds(clock);

        List<Long> generated = assertTimeoutPreemptively(AT_ONCE, () -> {
            List<Long> all = new ArrayList<>(generate(ids, 10));
            clock.set(T0.minusSeconds(60));
            all.addAll(generate(ids, 5000)); // also overflows the sequence while the clock is behind
            clock.set(T0.minusSeconds(120));
            all.addAll(generate(ids, 10));
            clock.set(T0.plusMillis(5));
            all.addAll(generate(ids, 10));
            return all;
        });

        assertStrictlyIncreasing(generated);
    }

    @Test
    void idsFollowTheClockWhenItMovesOn() {
        SettableClock clock = new SettableClock(T0);
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        long first = Long.parseLong(ids.get());

        clock.set(T0.plusSeconds(1));
        long later = Long.parseLong(ids.get());

        // 22 low bits are node and sequence; the rest is milliseconds.
        assertThat((later >> 22) - (first >> 22)).isEqualTo(1000);
    }

    private static List<Long> generate(TimeOrderedIds ids, int count) {
        List<Long> generated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String id = ids.get();
            assertThat(id).matches("[0-9]{1,19}");
            generated.add(Long.parseLong(id));
        }
        return generated;
    }

    private static void assertStrictlyIncreasing(List<Long> generated) {
        for (int i = 1; i < generated.size(); i++) {
            assertThat(generated.get(i)).as("id %d after %d", i, generated.get(i - 1))
                    .isGreaterThan(generated.get(i - 1));
        }
        assertThat(generated).doesNotHaveDuplicates();
    }

    /** A clock the test moves by hand, backwards too. */
    private static final class SettableClock extends Clock {

        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
