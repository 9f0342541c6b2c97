package io.github.delayclose.core.topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where to publish a timeout message so that it reaches the timeout queue at a deadline: the
 * tutorial's delay queue for the default window in the {@link DelayLayout#FIXED} layout, else the
 * delay level of the time left, or straight to the dead-letter exchange when the deadline has passed.
 */
public final class DelayRoutes {

    private final DelayTopology topology;
    private final Clock clock;

    public DelayRoutes(DelayTopology topology, Clock clock) {
        this.topology = Objects.requireNonNull(topology, "topology");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An exchange and routing key to publish to. */
    public record Route(String exchange, String routingKey) {
    }

    /**
     * The route for an order scheduled with the default payment window, which ends at {@code deadline}:
     * the tutorial's delay queue in the fixed layout, the levels otherwise.
     */
    public Route forDefaultWindow(Instant deadline) {
        if (topology.layout() == DelayLayout.FIXED) {
            return new Route("", topology.delayQueue());
        }
        return until(deadline);
    }

    /** The route that delivers at {@code deadline}, computed now. */
    public Route until(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return topology.levels().route(left)
                .map(level -> new Route(level.exchange(), level.routingKey()))
                .orElseGet(() -> new Route(topology.deadLetterExchange(), ""));
    }
}
