package io.github.delayclose.core.listen;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.github.delayclose.core.message.TimeoutMessage;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;

/**
 * The deadlines of the orders being closed right now, and when their messages became due, so that
 * the sweep can tell a late order from a lost one. The timeout queue hands messages out in about the
 * order they became due: while the listener works on an order whose deadline was {@code T}, orders
 * with later deadlines are still ahead of it, in the queue or in the window, however late a long
 * drain makes them. Only orders due well before the oldest one in flight can have lost their message;
 * likewise for retry and re-check copies, by the time their wait ended.
 *
 * <p>A close that has been running for longer than {@code ignoreAfter} no longer counts: it is stuck
 * (its provider call or database wait has a deadline of its own), and must not hold the sweep back.
 * Thread-safe; registering and finishing a close cost one map update each.
 */
public final class ClosesInFlight {

    /**
     * Longer than any close runs unless something hangs: a few provider calls and database
     * transactions, each with a deadline of its own.
     */
    public static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    private final Map<Object, InFlight> closes = new ConcurrentHashMap<>();

    private final Duration ignoreAfter;

    /** Closes running longer than {@link #STUCK_AFTER} no longer count. */
    public ClosesInFlight() {
        this(STUCK_AFTER);
    }

    /** @param ignoreAfter how long a close may run before it no longer speaks for the queue */
    public ClosesInFlight(Duration ignoreAfter) {
        this.ignoreAfter = Objects.requireNonNull(ignoreAfter, "ignoreAfter");
    }

    /**
     * Registers the close of a received message.
     *
     * @param now the time, for a message that says neither its deadline nor when it expired
     * @return closes the registration when the close is over
     */
    public Registration started(Message received, TimeoutMessage message, Instant now) {
        Instant due = dueTime(received, message, now);
        Instant deadline = message.deadline() != null ? message.deadline() : due;
        Object key = new Object();
        closes.put(key, new InFlight(deadline, due, System.nanoTime()));
        return () -> closes.remove(key);
    }

    /** The earliest order deadline among the closes in flight that have not been running too long. */
    public Optional<Instant> oldestDeadline() {
        return oldest(InFlight::deadline);
    }

    /** The earliest time a message in flight became due, among those not running too long. */
    public Optional<Instant> oldestDue() {
        return oldest(InFlight::due);
    }

    private Optional<Instant> oldest(Function<InFlight, Instant> time) {
        long now = System.nanoTime();
        return closes.values().stream()
                .filter(close -> now - close.startedNanos() < ignoreAfter.toNanos())
                .map(time)
                .min(Instant::compareTo);
    }

    /** How many closes are registered. */
    public int size() {
        return closes.size();
    }

    /**
     * When a received message became due: the later of the deadline it carries and the last time it
     * was dead-lettered (its delay, retry or re-check expired), or {@code now} when it says neither.
     */
    static Instant dueTime(Message received, TimeoutMessage message, Instant now) {
        Instant due = message.deadline();
        Instant expired = lastExpiry(received);
        if (expired != null && (due == null || expired.isAfter(due))) {
            due = expired;
        }
        return due != null ? due : now;
    }

    private static @Nullable Instant lastExpiry(Message received) {
        List<Map<String, ?>> deaths = received.getMessageProperties().getXDeathHeader();
        Instant latest = null;
        if (deaths != null) {
            for (Map<String, ?> death : deaths) {
                if (death.get("time") instanceof Date time && (latest == null || time.toInstant().isAfter(latest))) {
                    latest = time.toInstant();
                }
            }
        }
        return latest;
    }

    /** A registered close; {@link #close()} it when the close is over. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {

        @Override
        void close();
    }

    private record InFlight(Instant deadline, Instant due, long startedNanos) {
    }
}
