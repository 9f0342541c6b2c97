package io.github.delayclose.bench.app.tutorial;

/**
 * The tutorial's topology under a prefix of the run's own: the delay queue {@code queue.ordercreate}
 * (TTL, dead-lettering to the exchange), the fanout exchange {@code exchange.ordertimeout} and the
 * queue {@code queue.ordertimeout} the listener consumes. The driver and the application both derive
 * the names from the prefix here, so they cannot disagree.
 */
public record TutorialQueues(String delay, String exchange, String timeout) {

    /** The property that carries the prefix to the application under test. */
    public static final String PREFIX_PROPERTY = "bench.tutorial.prefix";

    public static TutorialQueues under(String prefix) {
        return new TutorialQueues(prefix + ".queue.ordercreate", prefix + ".exchange.ordertimeout",
                prefix + ".queue.ordertimeout");
    }
}
