package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The close-attempt state of one order whose close did not finish at the first try: how many
 * attempts failed, when the next copy of its message is due, or that it was parked and why. It lives
 * in a {@link CloseAttemptStore}, where it survives restarts and is shared by instances, so the
 * safety-net sweep re-sends only orders whose message is really lost, and a parked order stays
 * parked until it is replayed.
 *
 * <p>The {@code epoch} numbers the copies of an order's timeout message that delay-close itself
 * sends again (a re-drive, a replay): a message carries the epoch it was sent under, and a message
 * of an older epoch than the record's is stale and dropped unread.
 *
 * @param orderId the order
 * @param epoch the epoch of the message copy that owns the order's close now
 * @param state waiting, parked or discarded
 * @param failedAttempts attempts that failed so far under this epoch
 * @param rechecks times the provider said "still paying" so far under this epoch
 * @param dueAt when the waiting copy is due; for a parked order, when it was parked; for a discarded one,
 *     when it was discarded
 * @param reason why the last attempt failed, or why the order was parked (a discarded order keeps it)
 * @param lastError the last failure's message (never a secret: provider errors, not requests)
 * @param firstFailureAt when the first attempt failed, if one did
 * @param lastFailureAt when the last attempt failed, if one did
 * @param version the store's optimistic-locking version; every replacement increments it
 */
public record CloseAttempt(String orderId, long epoch, AttemptState state, int failedAttempts, int rechecks,
        Instant dueAt, @Nullable String reason, @Nullable String lastError, @Nullable Instant firstFailureAt,
        @Nullable Instant lastFailureAt, long version) {

    /** The longest last-error text kept; longer ones are cut, so a huge stack of causes stays small. */
    public static final int MAX_ERROR_LENGTH = 1000;

    public CloseAttempt {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(dueAt, "dueAt");
        if (epoch < 0 || failedAttempts < 0 || rechecks < 0 || version < 0) {
            throw new IllegalArgumentException("epoch, counts and version must not be negative");
        }
        if (lastError != null && lastError.length() > MAX_ERROR_LENGTH) {
            lastError = lastError.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        }
    }

    /** A new record: a copy of the order's message under {@code epoch} is due at {@code dueAt}. */
    public static CloseAttempt waiting(String orderId, long epoch, Instant dueAt) {
        return new CloseAttempt(orderId, epoch, AttemptState.WAITING, 0, 0, dueAt, null, null, null, null, 0);
    }

    /** The same record with another state and due time. */
    public CloseAttempt with(AttemptState newState, Instant newDueAt) {
        return new CloseAttempt(orderId, epoch, newState, failedAttempts, rechecks, newDueAt, reason, lastError,
                firstFailureAt, lastFailureAt, version);
    }

    /** The same record after another failed attempt. */
    public CloseAttempt failed(int attempts, String failureReason, @Nullable String error, Instant at) {
        return new CloseAttempt(orderId, epoch, state, attempts, rechecks, dueAt, failureReason, error,
                firstFailureAt == null ? at : firstFailureAt, at, version);
    }

    /** The same record after another "still paying". */
    public CloseAttempt rechecked(int count) {
        return new CloseAttempt(orderId, epoch, state, failedAttempts, count, dueAt, reason, lastError,
                firstFailureAt, lastFailureAt, version);
    }

    /**
     * The same parked record, discarded by an operator at {@code at}. It keeps the reason it was parked
     * for; the operator's own reason is logged.
     */
    public CloseAttempt discarded(Instant at) {
        return new CloseAttempt(orderId, epoch, AttemptState.DISCARDED, failedAttempts, rechecks, at, reason, lastError,
                firstFailureAt, lastFailureAt, version);
    }

    /**
     * Handed to a new copy of the message: the next epoch, waiting, due at {@code newDueAt}, with
     * {@code freshAttempts} resetting the counts (a replay) or keeping them (a re-drive).
     */
    public CloseAttempt nextEpoch(Instant newDueAt, boolean freshAttempts) {
        return new CloseAttempt(orderId, epoch + 1, AttemptState.WAITING, freshAttempts ? 0 : failedAttempts,
                freshAttempts ? 0 : rechecks, newDueAt, reason, lastError, firstFailureAt, lastFailureAt, version);
    }
}
