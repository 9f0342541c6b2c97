package io.github.delayclose.core.attempt;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import io.github.delayclose.core.close.DatabaseGate;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.spi.AttemptState;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.ParkedSummary;
import org.jspecify.annotations.Nullable;

/**
 * The transitions of an order's close-attempt state, on top of the compare-and-set primitives of a
 * {@link CloseAttemptStore}. A transition that loses its compare-and-set means a newer copy of the
 * order's message took over (a re-drive, a replay), and the caller must not act: it drops its copy.
 *
 * <p>Without a store every transition "wins" and nothing is recorded: delay-close then works as the
 * tutorial does, without the sweep's and the watchdog's knowledge of waiting and parked orders.
 */
public final class AttemptLedger {

    private final @Nullable CloseAttemptStore store;
    private final Clock clock;

    /**
     * @param store where the state lives, or {@code null} for none
     * @param database bounds the store's use of the database together with the closes'
     */
    public AttemptLedger(@Nullable CloseAttemptStore store, DatabaseGate database, Clock clock) {
        this.store = store == null ? null : new GatedStore(store, database);
        Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A ledger that records nothing. */
    public static AttemptLedger none() {
        return new AttemptLedger(null, DatabaseGate.unbounded(), Clock.systemUTC());
    }

    /** Whether close-attempt state is kept. */
    public boolean isKept() {
        return store != null;
    }

    /**
     * Whether a newer copy of the order's message owns its close, or the order was parked under this
     * copy's epoch already: then this copy is stale and must be dropped unread.
     */
    public boolean isStale(TimeoutMessage message) {
        if (store == null) {
            return false;
        }
        return store.find(message.orderId()).map(record -> supersedes(record, message)).orElse(false);
    }

    /**
     * Records a failed attempt whose copy now waits in a retry queue until {@code dueAt}.
     *
     * @return whether this copy still owns the order's close (false: drop it, do not retry)
     */
    public boolean retrying(TimeoutMessage message, int failedAttempts, FailureReason reason, @Nullable String error,
            Instant dueAt) {
        Instant now = clock.instant();
        return transition(message, record -> record.failed(failedAttempts, reason.name(), error, now)
                .with(AttemptState.WAITING, dueAt));
    }

    /**
     * Records a "still paying" answer; the copy waits in the re-check queue until {@code dueAt}.
     *
     * @return whether this copy still owns the order's close
     */
    public boolean rechecking(TimeoutMessage message, int rechecks, Instant dueAt) {
        return transition(message, record -> record.rechecked(rechecks).with(AttemptState.WAITING, dueAt));
    }

    /**
     * Records that the order is parked.
     *
     * @return whether this copy still owns the order's close (false: a newer copy does; do not park)
     */
    public boolean parking(TimeoutMessage message, int attempts, FailureReason reason, @Nullable String error) {
        Instant now = clock.instant();
        return transition(message, record -> record.failed(attempts, reason.name(), error, now)
                .with(AttemptState.PARKED, now));
    }

    /** The order's close is done: forgets its state, if this copy could have had any. */
    public void done(TimeoutMessage message) {
        if (store != null && message.isFollowUp()) {
            store.find(message.orderId()).filter(record -> record.epoch() <= message.epoch())
                    .ifPresent(record -> store.delete(message.orderId()));
        }
    }

    /**
     * Claims an overdue order that has no state at all (its message was lost): records a copy under
     * epoch 1, due now. Only one claimant wins, whatever the number of instances.
     *
     * @return the claimed record, or empty when the order has state already (it is waiting, parked or
     *     claimed by another instance)
     */
    public Optional<CloseAttempt> claimLost(String orderId) {
        if (store == null) {
            return Optional.of(CloseAttempt.waiting(orderId, 0, clock.instant()));
        }
        CloseAttempt claim = CloseAttempt.waiting(orderId, 1, clock.instant());
        return store.insert(claim) ? Optional.of(claim) : Optional.empty();
    }

    /**
     * Hands a waiting order whose copy did not come back in time to a new copy, under the next epoch.
     *
     * @return the new record, or empty when it changed meanwhile (another instance re-drove it)
     */
    public Optional<CloseAttempt> redrive(CloseAttempt stalled) {
        return advance(stalled, false);
    }

    /**
     * Hands a parked order to a new copy with fresh attempts, under the next epoch: an operator's replay.
     *
     * @return the new record, or empty when the order is not parked (any more)
     */
    public Optional<CloseAttempt> replay(String orderId) {
        if (store == null) {
            return Optional.empty();
        }
        return store.find(orderId).filter(record -> record.state() == AttemptState.PARKED)
                .flatMap(parked -> advance(parked, true));
    }

    /**
     * Sets a parked order aside for good, as an operator decided: the sweep and the watchdog leave it
     * alone, and a late copy of its message is dropped as stale.
     *
     * @return the discarded record, or empty when the order is not parked (any more)
     */
    public Optional<CloseAttempt> discard(String orderId) {
        if (store == null) {
            return Optional.empty();
        }
        return store.find(orderId).filter(record -> record.state() == AttemptState.PARKED).flatMap(parked -> {
            CloseAttempt discarded = parked.discarded(clock.instant());
            return store.replace(parked, discarded) ? Optional.of(discarded) : Optional.empty();
        });
    }

    /**
     * Parked orders, one page at a time, in order id order; read from the state, so listing never
     * touches a message.
     *
     * @param reason only those parked for this reason, or every reason when {@code null}
     * @param afterOrderId the last order id of the previous page, or {@code null} for the first page
     */
    public List<CloseAttempt> parked(@Nullable String reason, @Nullable String afterOrderId, int limit) {
        return store == null ? List.of() : store.findParked(reason, afterOrderId, limit);
    }

    /** How many orders are parked, by reason, and since when the oldest is; none without a store. */
    public ParkedSummary summarizeParked() {
        return store == null ? ParkedSummary.NONE : store.summarizeParked();
    }

    /** The records of those orders that have one. */
    public Map<String, CloseAttempt> findAll(Collection<String> orderIds) {
        return store == null || orderIds.isEmpty() ? Map.of() : store.findAll(orderIds);
    }

    private Optional<CloseAttempt> advance(CloseAttempt current, boolean freshAttempts) {
        if (store == null) {
            return Optional.empty();
        }
        CloseAttempt next = current.nextEpoch(clock.instant(), freshAttempts);
        return store.replace(current, next) ? Optional.of(next) : Optional.empty();
    }

    private boolean transition(TimeoutMessage message, UnaryOperator<CloseAttempt> change) {
        if (store == null) {
            return true;
        }
        Optional<CloseAttempt> current = store.find(message.orderId());
        if (current.isPresent()) {
            if (!owns(current.get(), message)) {
                return false;
            }
            return store.replace(current.get(), change.apply(current.get()));
        }
        return store.insert(change.apply(CloseAttempt.waiting(message.orderId(), message.epoch(), clock.instant())));
    }

    private static boolean supersedes(CloseAttempt record, TimeoutMessage message) {
        return record.epoch() > message.epoch() || (record.epoch() == message.epoch() && !owns(record, message));
    }

    /**
     * Whether the copy is the one the record waits for: same epoch, waiting, and as many attempts and
     * re-checks behind it. An older copy of the same epoch (the broker redelivered a message whose
     * retry copy was already sent) has fewer.
     */
    private static boolean owns(CloseAttempt record, TimeoutMessage message) {
        return record.epoch() == message.epoch() && record.state() == AttemptState.WAITING
                && record.failedAttempts() + record.rechecks() == message.failedAttempts() + message.rechecks();
    }
}
