package io.github.delayclose.autoconfigure.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.parked.CloseAttemptStateMissingException;
import io.github.delayclose.core.parked.ParkedOrders;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.ParkedSummary;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.sweep.SweepRound;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * {@code /actuator/delayclose}: are closes keeping up, what is parked and why, and the way out.
 *
 * <ul>
 *   <li>{@code GET /actuator/delayclose[?reason=&after=&limit=]}: a summary (parked orders by reason,
 *       the oldest one's age, closes in flight, the last sweep round) and one page of parked orders,
 *       read from the close-attempt state: listing never touches a message of the parking queue.</li>
 *   <li>{@code POST /actuator/delayclose/replay} with {@code {"orderId": "…"}} or
 *       {@code {"reason": "PROVIDER_ERROR"}}: the order, or every order parked for that reason, goes
 *       back to a fresh decision with fresh attempts.</li>
 *   <li>{@code POST /actuator/delayclose/discard} with {@code {"orderId": "…", "reason": "…"}}: the
 *       order is set aside for good (logged, counted; the sweep leaves it alone).</li>
 * </ul>
 *
 * Writes answer 400 for a malformed request, 404 when the order is not parked, and 409 when the
 * application keeps no close-attempt state, each with a message saying what to do.
 */
@Endpoint(id = "delayclose")
public class DelayCloseEndpoint {

    /** Parked orders per page when the request does not say. */
    static final int DEFAULT_PAGE = 50;

    private final ParkedOrders parked;
    private final TimeoutListener listener;
    private final @Nullable OverdueOrderSweeper sweeper;
    private final Clock clock;

    /**
     * @param sweeper the sweep, or {@code null} when it is off
     */
    public DelayCloseEndpoint(ParkedOrders parked, TimeoutListener listener, @Nullable OverdueOrderSweeper sweeper,
            Clock clock) {
        this.parked = Objects.requireNonNull(parked, "parked");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.sweeper = sweeper;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The summary and one page of parked orders.
     *
     * @param reason only orders parked for this reason
     * @param after the last order id of the previous page
     * @param limit orders per page, 1 to {@value ParkedOrders#MAX_PAGE}; {@value #DEFAULT_PAGE} by default
     */
    @ReadOperation
    public WebEndpointResponse<Overview> overview(@Nullable String reason, @Nullable String after,
            @Nullable Integer limit) {
        Summary summary = summary();
        if (!parked.isAvailable()) {
            return new WebEndpointResponse<>(new Overview(summary, null, CloseAttemptStateMissingException.MESSAGE));
        }
        try {
            List<CloseAttempt> page = parked.page(reason, after, limit == null ? DEFAULT_PAGE : limit);
            String next = page.size() == (limit == null ? DEFAULT_PAGE : limit)
                    ? page.get(page.size() - 1).orderId() : null;
            return new WebEndpointResponse<>(new Overview(summary,
                    new Page(page.stream().map(ParkedOrder::of).toList(), next), null));
        }
        catch (IllegalArgumentException ex) {
            return new WebEndpointResponse<>(new Overview(summary, null, ex.getMessage()),
                    WebEndpointResponse.STATUS_BAD_REQUEST);
        }
    }

    /**
     * Replays or discards parked orders.
     *
     * @param action {@code replay} or {@code discard}
     * @param orderId the order
     * @param reason for {@code replay} without an order id: every order parked for this reason; for
     *     {@code discard}: why it is discarded
     */
    @WriteOperation
    public WebEndpointResponse<ActionResult> act(@Selector String action, @Nullable String orderId,
            @Nullable String reason) {
        return new ParkedOrderActions(parked).run(action, orderId, reason);
    }

    private Summary summary() {
        ParkedSummary parkedSummary = parked.summary();
        Instant oldest = parkedSummary.oldestParkedAt();
        SweepRound round = sweeper == null ? null : sweeper.lastRound();
        return new Summary(parked.isAvailable(), parkedSummary.byReason(), parkedSummary.total(), oldest,
                oldest == null ? null : Duration.between(oldest, clock.instant()).toString(), listener.inFlight(),
                round == null ? null : LastSweep.of(round));
    }

    /**
     * What {@code GET /actuator/delayclose} answers.
     *
     * @param summary the summary
     * @param parked one page of parked orders; absent without close-attempt state or for a bad request
     * @param message why there is no page
     */
    public record Overview(Summary summary, @Nullable Page parked, @Nullable String message) {
    }

    /**
     * Where closes stand.
     *
     * @param closeAttemptState whether parked orders are known (the application has a CloseAttemptStore)
     * @param parkedByReason parked orders by reason
     * @param parkedTotal parked orders in all
     * @param oldestParkedAt when the longest-parked order was parked
     * @param oldestParkedAge how long ago that was, as an ISO-8601 duration
     * @param closesInFlight closes running now on this instance
     * @param lastSweep the last round of this instance's sweep, if it ran
     */
    public record Summary(boolean closeAttemptState, Map<String, Long> parkedByReason, long parkedTotal,
            @Nullable Instant oldestParkedAt, @Nullable String oldestParkedAge, int closesInFlight,
            @Nullable LastSweep lastSweep) {
    }

    /**
     * One round of the sweep.
     *
     * @param at when it ran
     * @param lostSentAgain orders whose message was lost, sent again
     * @param stalledSentAgain orders whose retry or re-check copy did not come back in time, sent again
     * @param timeoutQueueBehind whether the timeout queue was behind, so the round sent nothing
     * @param oldestOverdue the deadline or due time of the oldest order the round found late
     */
    public record LastSweep(Instant at, int lostSentAgain, int stalledSentAgain, boolean timeoutQueueBehind,
            @Nullable Instant oldestOverdue) {

        static LastSweep of(SweepRound round) {
            return new LastSweep(round.at(), round.lost(), round.stalled(), round.behind(), round.oldestOverdue());
        }
    }

    /**
     * A page of parked orders, in order id order.
     *
     * @param orders the parked orders
     * @param next the {@code after} of the next page, or {@code null} on the last one
     */
    public record Page(List<ParkedOrder> orders, @Nullable String next) {
    }

    /**
     * One parked order.
     *
     * @param orderId the order
     * @param reason why it was parked
     * @param attempts attempts made (for STILL_PAYING: the provider's "still paying" answers)
     * @param firstFailureAt when the first attempt failed
     * @param lastFailureAt when the last attempt failed
     * @param parkedAt when it was parked
     * @param lastError the last failure's message (the provider's error or the cause, never a request)
     */
    public record ParkedOrder(String orderId, @Nullable String reason, int attempts, @Nullable Instant firstFailureAt,
            @Nullable Instant lastFailureAt, Instant parkedAt, @Nullable String lastError) {

        static ParkedOrder of(CloseAttempt record) {
            return new ParkedOrder(record.orderId(), record.reason(), record.failedAttempts(), record.firstFailureAt(),
                    record.lastFailureAt(), record.dueAt(), record.lastError());
        }
    }

    /**
     * What a replay or a discard did.
     *
     * @param action {@code replay} or {@code discard}
     * @param orderIds the orders replayed or discarded
     * @param message what happened, or what to do
     */
    public record ActionResult(String action, List<String> orderIds, String message) {
    }
}
