package io.github.delayclose.sample.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.delayclose.core.parked.ParkedOrders;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.sample.web.ApiException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's corner of the page: closes in flight, lateness, parked orders and their replay. */
@RestController
@RequestMapping("/api/ops")
class OperationsController {

    private static final int PARKED_SHOWN = 50;

    private final ParkedOrders parked;

    private final ClosingStats stats;

    OperationsController(ParkedOrders parked, ClosingStats stats) {
        this.parked = parked;
        this.stats = stats;
    }

    @GetMapping
    Operations operations() {
        List<Parked> orders = parked.isAvailable()
                ? parked.page(null, null, PARKED_SHOWN).stream().map(Parked::of).toList() : List.of();
        return new Operations(stats.closesInFlight(), stats.lateness(), orders, parked.isAvailable());
    }

    /** Sends a parked order back to a fresh decision, as {@code POST /actuator/delayclose/replay} does. */
    @PostMapping("/parked/{orderId}/replay")
    Map<String, String> replay(@PathVariable String orderId) {
        if (!parked.isAvailable()) {
            throw ApiException.conflict("this shop keeps no close-attempt state, so nothing is known to be parked");
        }
        if (!parked.replay(orderId)) {
            throw ApiException.notFound("order " + orderId + " is not parked (any more)");
        }
        return Map.of("result", "order " + orderId + " goes back to a fresh decision");
    }

    /**
     * What the page shows.
     *
     * @param closesInFlight closes running now
     * @param lateness how late closed orders closed
     * @param parked the parked orders, by order id
     * @param replayAvailable whether parked orders are known and can be replayed
     */
    record Operations(int closesInFlight, ClosingStats.Lateness lateness, List<Parked> parked,
            boolean replayAvailable) {
    }

    /**
     * A parked order.
     *
     * @param orderId the order
     * @param reason why it was parked
     * @param attempts attempts made
     * @param parkedAt when
     * @param lastError the last failure
     */
    record Parked(String orderId, @Nullable String reason, int attempts, Instant parkedAt, @Nullable String lastError) {

        static Parked of(CloseAttempt record) {
            return new Parked(record.orderId(), record.reason(), record.failedAttempts(), record.dueAt(),
                    record.lastError());
        }
    }
}
