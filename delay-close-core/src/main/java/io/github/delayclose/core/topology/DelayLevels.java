package io.github.delayclose.core.topology;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The binary delay levels of {@link DelayLayout#LEVELS}: level {@code k} waits {@code 250 ms × 2^k},
 * for {@value #COUNT} levels (together about 48.5 days). A delay is rounded up to whole quarter
 * seconds, so a message is never early and at most a quarter second late; its binary digits, highest
 * first, are its routing key ({@code "0.0.1.0.1…"}). Each level's topic exchange routes a message
 * whose digit for that level is 1 into the level's queue and any other on to the next lower level's
 * exchange; the lowest level's exchange ends at the dead-letter exchange. Publishing goes straight to
 * the exchange of the highest 1 digit, so the chain of exchanges is walked only by expired messages,
 * inside the broker.
 *
 * @param queuePrefix level queues are named {@code <queuePrefix>.level.<ttl>ms}
 * @param exchangePrefix level exchanges are named {@code <exchangePrefix>.level.<ttl>ms}
 */
public record DelayLevels(String queuePrefix, String exchangePrefix) {

    /** The shortest level. */
    public static final Duration UNIT = Duration.ofMillis(250);

    /** How many levels there are. */
    public static final int COUNT = 24;

    /** The longest delay one pass through the levels gives; a longer one is sent through again. */
    public static final Duration LONGEST = UNIT.multipliedBy((1L << COUNT) - 1);

    public DelayLevels {
        Objects.requireNonNull(queuePrefix, "queuePrefix");
        Objects.requireNonNull(exchangePrefix, "exchangePrefix");
    }

    /** Where to publish a message that should reach the dead-letter exchange after {@code delay}. */
    public record Route(String exchange, String routingKey) {
    }

    /** The wait of level {@code level}. */
    public static Duration ttl(int level) {
        return UNIT.multipliedBy(1L << level);
    }

    /** The queue of level {@code level}. */
    public String queue(int level) {
        return queuePrefix + ".level." + ttl(level).toMillis() + "ms";
    }

    /** The exchange of level {@code level}. */
    public String exchange(int level) {
        return exchangePrefix + ".level." + ttl(level).toMillis() + "ms";
    }

    /**
     * The route for a delay, rounded up to whole units and capped at {@link #LONGEST}; empty for a
     * delay of no whole unit at all, which needs no waiting.
     */
    public java.util.Optional<Route> route(Duration delay) {
        long units = Math.min(unitsIn(delay), (1L << COUNT) - 1);
        if (units <= 0) {
            return java.util.Optional.empty();
        }
        int highest = 63 - Long.numberOfLeadingZeros(units);
        return java.util.Optional.of(new Route(exchange(highest), routingKey(units)));
    }

    /** The binding pattern that sends messages whose digit for {@code level} is {@code digit} on. */
    public static String pattern(int level, char digit) {
        StringBuilder pattern = new StringBuilder();
        for (int position = COUNT - 1; position > level; position--) {
            pattern.append("*.");
        }
        return pattern.append(digit).append(".#").toString();
    }

    static String routingKey(long units) {
        List<String> digits = new ArrayList<>(COUNT);
        for (int level = COUNT - 1; level >= 0; level--) {
            digits.add((units >> level & 1) == 1 ? "1" : "0");
        }
        return String.join(".", digits);
    }

    private static long unitsIn(Duration delay) {
        if (delay.isNegative() || delay.isZero()) {
            return 0;
        }
        long nanos = delay.toNanos();
        long unit = UNIT.toNanos();
        return (nanos + unit - 1) / unit;
    }
}
