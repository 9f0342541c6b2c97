package io.github.delayclose.core.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.listen.ClosesInFlight;
import io.github.delayclose.core.message.OrderIdCodec;
import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.OverduePosition;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The safety net, in two layers that run together every round. The broker's dead-lettering is not
 * the only thing between an order and its close.
 *
 * <ol>
 *   <li><b>Lost messages.</b> Unpaid orders whose deadline passed more than {@code grace} ago and that
 *       have no close-attempt state: their delay message was never published (the broker was down at
 *       commit) or was lost. Each is claimed with a compare-and-set on its state, so one instance
 *       sends it, once.</li>
 *   <li><b>Stalled copies</b> (with a {@link CloseAttemptStore}). Orders waiting in a retry or
 *       re-check queue whose copy is more than {@code grace} overdue: the queue's dead-lettering is
 *       stuck (as quorum queues' at-least-once dead-lettering can be after a leader change). Each is
 *       handed to a new copy under the next epoch, again with a compare-and-set; the stuck copy is
 *       recognised as stale when it finally arrives and dropped unread.</li>
 * </ol>
 *
 * <p>Copies go straight to the timeout queue. A round sends nothing while the timeout queue is
 * {@linkplain TimeoutBacklog behind}: late orders then wait there already, and copies would only
 * queue behind them. Parked orders are never sent again by the sweep; they leave parking only by an
 * explicit replay.
 *
 * <p>Each round scans the orders that became overdue since the previous round; the first round
 * after start-up looks back {@code lookback} further, to cover the time the application was down.
 * With a close-attempt store, looking at an order twice is harmless. Several instances may read
 * the same page: claiming an order is an insert that only one of them wins. Nothing is read or sent
 * inside a database transaction, so a sweep waiting for the broker never holds up a close or a
 * payment of the orders it looks at.
 *
 * <p>While closes are running, orders due after the oldest message in flight are never taken for
 * lost ({@link ClosesInFlight}): when a flash sale takes longer than the grace to close, the orders
 * at its tail are late, not lost.
 */
public final class OverdueOrderSweeper {

    private static final Log log = LogFactory.getLog(OverdueOrderSweeper.class);

    private final OrderRepository orders;
    private final AttemptLedger attempts;
    private final @Nullable CloseAttemptStore store;
    private final Redriver redriver;
    private final TimeoutBacklog backlog;
    /** Room for messages that became due a little out of order (delay levels, several consumers). */
    static final Duration IN_FLIGHT_MARGIN = Duration.ofSeconds(5);

    private final Duration grace;
    private final Duration lookback;
    private final int batchSize;
    private final Clock clock;
    private final ClosesInFlight inFlight;
    private final DelayCloseMetrics metrics;
    private @Nullable Instant sweptUpTo;
    private volatile @Nullable SweepRound lastRound;

    public OverdueOrderSweeper(OrderRepository orders, AttemptLedger attempts, @Nullable CloseAttemptStore store,
            Redriver redriver, TimeoutBacklog backlog, SweepSettings settings, Clock clock, ClosesInFlight inFlight,
            DelayCloseMetrics metrics) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.attempts = Objects.requireNonNull(attempts, "attempts");
        this.store = store;
        this.redriver = Objects.requireNonNull(redriver, "redriver");
        this.backlog = Objects.requireNonNull(backlog, "backlog");
        this.grace = settings.grace();
        this.lookback = settings.lookback();
        this.batchSize = settings.batchSize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Runs one round. Not meant to run concurrently with itself.
     *
     * @return what the round found
     */
    public synchronized SweepRound sweep() {
        Instant now = clock.instant();
        if (backlog.isBehind()) {
            return remember(new SweepRound(now, 0, 0, true, null));
        }
        Instant byGrace = now.minus(grace);
        Oldest oldest = new Oldest();
        // When the oldest message in flight became due, not its order's deadline: a retry copy of an order
        // due long ago became due only when its wait ended, and says nothing about orders due since.
        int lost = orders.searchesOverdueOrders() ? sendLost(cutOff(byGrace, inFlight.oldestDue()), oldest) : 0;
        int stalled = store != null ? redriveStalled(cutOff(byGrace, inFlight.oldestDue()), oldest) : 0;
        if (lost > 0) {
            metrics.swept(lost);
            log.warn("Sweep found " + lost + " unpaid order(s) whose deadline passed over " + grace
                    + " ago without a timeout message (it was lost, or never published) and sent them to be closed");
        }
        if (stalled > 0) {
            metrics.redriven(stalled);
            log.warn("Sweep found " + stalled + " order(s) whose retry or re-check copy is over " + grace
                    + " overdue (stuck dead-lettering?) and sent a new copy straight to the timeout queue");
        }
        return remember(new SweepRound(now, lost, stalled, false, oldest.value));
    }

    /**
     * Orders (or copies) due before this may have lost their message: those due {@code grace} ago,
     * but never any due after the message the listener is closing right now that became due first
     * (less a margin for the small disorder of several delay levels and consumers). The timeout queue
     * hands messages out in the order they became due, so during a drain that takes longer than the
     * grace, the orders at its tail are late, not lost: their messages wait in the queue.
     */
    private static Instant cutOff(Instant byGrace, Optional<Instant> oldestInFlight) {
        return oldestInFlight.map(due -> due.minus(IN_FLIGHT_MARGIN)).filter(byGrace::isAfter).orElse(byGrace);
    }

    /** The last round, if one ran. */
    public @Nullable SweepRound lastRound() {
        return lastRound;
    }

    private SweepRound remember(SweepRound round) {
        lastRound = round;
        return round;
    }

    private int sendLost(Instant cutOff, Oldest oldest) {
        Instant from = sweptUpTo != null ? sweptUpTo : cutOff.minus(lookback);
        if (!from.isBefore(cutOff)) {
            return 0;
        }
        OverduePosition position = OverduePosition.startOf(from);
        int sent = 0;
        while (true) {
            OverduePosition scanFrom = position;
            // No transaction around the page: each claim commits on its own, and nothing is locked while
            // a copy waits for the broker's confirm. A copy that fails to go out leaves its claim
            // waiting, and the stalled-copy layer below sends it once it is overdue.
            Page page = sendLostPage(scanFrom, cutOff, oldest);
            if (page.orders().isEmpty()) {
                break;
            }
            sent += page.sent();
            position = page.orders().get(page.orders().size() - 1).position();
            if (page.orders().size() < batchSize) {
                break;
            }
        }
        sweptUpTo = cutOff;
        return sent;
    }

    private Page sendLostPage(OverduePosition after, Instant deadlineBefore, Oldest oldest) {
        List<OverdueOrder> page = orders.findOverdueUnpaid(after, deadlineBefore, batchSize);
        Map<String, CloseAttempt> known = attempts.findAll(page.stream().map(OverdueOrder::orderId).toList());
        int sent = 0;
        for (OverdueOrder order : page) {
            if (known.containsKey(order.orderId())) {
                continue; // waiting in a retry or re-check queue, or parked: not lost
            }
            if (!OrderIdCodec.isValid(order.orderId())) {
                log.error("Sweep skipped order id '" + order.orderId() + "': it cannot be carried in a timeout message");
                continue;
            }
            var claim = attempts.claimLost(order.orderId());
            if (claim.isPresent()) {
                redriver.redrive(new TimeoutMessage(order.orderId(), claim.get().epoch(), 0, 0, order.deadline()));
                oldest.consider(order.deadline());
                sent++;
            }
        }
        return new Page(page, sent);
    }

    private int redriveStalled(Instant dueBefore, Oldest oldest) {
        int sent = 0;
        while (true) {
            List<CloseAttempt> stalled = Objects.requireNonNull(store).findWaitingDueBefore(dueBefore, batchSize);
            int sentNow = 0;
            for (CloseAttempt attempt : stalled) {
                var next = attempts.redrive(attempt);
                if (next.isPresent()) {
                    CloseAttempt copy = next.get();
                    redriver.redrive(new TimeoutMessage(copy.orderId(), copy.epoch(), copy.failedAttempts(),
                            copy.rechecks(), null));
                    oldest.consider(attempt.dueAt());
                    sentNow++;
                }
            }
            sent += sentNow;
            // Re-driven records are due now and drop out of the next query; stop when nothing moved.
            if (stalled.size() < batchSize || sentNow == 0) {
                return sent;
            }
        }
    }

    private record Page(List<OverdueOrder> orders, int sent) {
    }

    /** The earliest instant seen. */
    private static final class Oldest {

        private @Nullable Instant value;

        void consider(Instant candidate) {
            if (value == null || candidate.isBefore(value)) {
                value = candidate;
            }
        }
    }
}
