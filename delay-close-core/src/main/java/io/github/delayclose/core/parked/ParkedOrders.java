package io.github.delayclose.core.parked;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.ParkedSummary;
import io.github.delayclose.core.sweep.Redriver;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The parked orders, for an operator: read from the close-attempt state, one page at a time (so listing
 * never moves, reorders or loses a message in the parking queue), replayed with fresh attempts once the
 * cause is fixed, or discarded for good.
 *
 * <p>A replay moves the order's record from PARKED to WAITING under the next epoch, with its counts
 * reset, and sends a timeout message of that epoch straight to the timeout queue: the order goes back
 * to a fresh decision, exactly as if its deadline had just passed. Should that message fail to reach
 * the broker, the record waits as due now, and the watchdog of the sweep sends a new copy after its
 * grace. The parked copy in the parking queue is not removed (RabbitMQ cannot take one message out of
 * the middle of a queue): it stays as a human-readable record, and if it is ever moved back to the
 * timeout queue, it is recognised as a stale copy and dropped.
 */
public final class ParkedOrders {

    /** The most parked orders read in one page. */
    public static final int MAX_PAGE = 500;

    private static final Log log = LogFactory.getLog(ParkedOrders.class);

    private final AttemptLedger ledger;
    private final Redriver redriver;
    private final DelayCloseMetrics metrics;

    /**
     * @param redriver sends replayed orders straight to the timeout queue
     */
    public ParkedOrders(AttemptLedger ledger, Redriver redriver, DelayCloseMetrics metrics) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.redriver = Objects.requireNonNull(redriver, "redriver");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Whether parked orders are known: the application keeps close-attempt state. */
    public boolean isAvailable() {
        return ledger.isKept();
    }

    /** How many orders are parked, by reason, and since when the oldest is; none without close-attempt state. */
    public ParkedSummary summary() {
        return ledger.summarizeParked();
    }

    /**
     * One page of parked orders, in order id order.
     *
     * @param reason only those parked for this reason ({@link FailureReason} name), or all when {@code null}
     * @param afterOrderId the last order id of the previous page, or {@code null} for the first page
     * @param limit 1 to {@value #MAX_PAGE}
     * @throws CloseAttemptStateMissingException without close-attempt state
     * @throws IllegalArgumentException for an unknown reason or a limit out of range
     */
    public List<CloseAttempt> page(@Nullable String reason, @Nullable String afterOrderId, int limit) {
        requireState();
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        return ledger.parked(reason == null ? null : knownReason(reason), afterOrderId, limit);
    }

    /**
     * Replays one parked order: a fresh decision with fresh attempts.
     *
     * @return whether it was parked (and is replayed now); false when it is not parked (any more)
     * @throws CloseAttemptStateMissingException without close-attempt state
     */
    public boolean replay(String orderId) {
        requireState();
        Optional<CloseAttempt> replayed = ledger.replay(requireOrderId(orderId));
        if (replayed.isEmpty()) {
            return false;
        }
        CloseAttempt record = replayed.get();
        redriver.redrive(new TimeoutMessage(record.orderId(), record.epoch(), 0, 0, null));
        metrics.replayed(1);
        log.info("Replayed parked order " + record.orderId() + " (parked for " + record.reason() + ")");
        return true;
    }

    /**
     * Replays every order parked for the reason.
     *
     * @param reason a {@link FailureReason} name
     * @return the order ids replayed
     * @throws CloseAttemptStateMissingException without close-attempt state
     * @throws IllegalArgumentException for an unknown reason
     */
    public List<String> replayAll(String reason) {
        requireState();
        String known = knownReason(Objects.requireNonNull(reason, "reason"));
        List<String> replayed = new ArrayList<>();
        String after = null;
        while (true) {
            List<CloseAttempt> page = ledger.parked(known, after, 100);
            for (CloseAttempt parked : page) {
                if (replay(parked.orderId())) {
                    replayed.add(parked.orderId());
                }
            }
            if (page.size() < 100) {
                return replayed;
            }
            after = page.get(page.size() - 1).orderId();
        }
    }

    /**
     * Discards one parked order for good: it stays unpaid and unclosed here, the sweep leaves it alone,
     * and a late copy of its message is dropped. For orders someone settles by hand.
     *
     * @param why the operator's reason, logged with the order id (the record keeps the reason it was parked for)
     * @return whether it was parked (and is discarded now)
     * @throws CloseAttemptStateMissingException without close-attempt state
     * @throws IllegalArgumentException when {@code why} is blank
     */
    public boolean discard(String orderId, String why) {
        requireState();
        if (why == null || why.isBlank()) {
            throw new IllegalArgumentException("say why the order is discarded: the reason is logged with it");
        }
        Optional<CloseAttempt> discarded = ledger.discard(requireOrderId(orderId));
        if (discarded.isEmpty()) {
            return false;
        }
        metrics.discarded();
        log.warn("Discarded parked order " + orderId + " (parked for " + discarded.get().reason() + ") for good: "
                + why.strip());
        return true;
    }

    private void requireState() {
        if (!ledger.isKept()) {
            throw new CloseAttemptStateMissingException();
        }
    }

    private static String requireOrderId(String orderId) {
        if (orderId == null || orderId.isBlank()) {
            throw new IllegalArgumentException("an order id is needed");
        }
        return orderId;
    }

    private static String knownReason(String reason) {
        for (FailureReason known : FailureReason.values()) {
            if (known.name().equals(reason)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown reason '" + reason + "'; parked orders have one of "
                + Arrays.toString(FailureReason.values()));
    }
}
