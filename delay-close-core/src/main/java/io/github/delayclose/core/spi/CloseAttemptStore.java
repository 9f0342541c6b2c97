package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Where delay-close keeps the {@link CloseAttempt close-attempt state} of orders whose close did not
 * finish at once: optional, but without it the sweep cannot tell a lost message from one that waits
 * in a retry queue, and the watchdog cannot see a stalled one. The JDBC module ships one
 * ({@code JdbcCloseAttemptStore}, table {@code delay_close_attempt}); the test-support module an
 * in-memory one.
 *
 * <p><b>Concurrency contract.</b> Several threads and instances change the same order's record at
 * once (a listener, the sweep of each instance, an operator's replay). Every change is therefore a
 * compare-and-set: {@link #insert} only when the order has no record, {@link #replace} only when the
 * stored record still has the {@link CloseAttempt#version() version} the caller read. The store
 * increments the version itself. Only changes that win may be acted on (a message re-sent, a copy
 * parked), so two instances never act twice on the same state.
 *
 * <p>Records are few (only orders whose first attempt did not finish) and short-lived (deleted when
 * the order closes or is paid), except parked ones, which stay until replayed or discarded.
 */
public interface CloseAttemptStore {

    /** The order's record, if it has one. */
    Optional<CloseAttempt> find(String orderId);

    /** The records of those orders that have one, by order id. */
    Map<String, CloseAttempt> findAll(Collection<String> orderIds);

    /**
     * Stores a new record, if the order has none.
     *
     * @return whether it was stored (false: another record exists, read it again)
     */
    boolean insert(CloseAttempt attempt);

    /**
     * Replaces a record, if it is still the version the caller read.
     *
     * @param current the record as read
     * @param next what it becomes; its version is ignored, the stored one becomes
     *     {@code current.version() + 1}
     * @return whether it was replaced (false: it changed meanwhile or is gone)
     */
    boolean replace(CloseAttempt current, CloseAttempt next);

    /** Deletes the order's record, once its close is done. Idempotent. */
    void delete(String orderId);

    /**
     * Waiting records due before {@code dueBefore}, oldest first: the ones whose message should
     * have come back by now, for the watchdog.
     */
    List<CloseAttempt> findWaitingDueBefore(Instant dueBefore, int limit);

    /**
     * Parked records, one page at a time, in order id order.
     *
     * @param reason only those parked for this reason, or every reason when {@code null}
     * @param afterOrderId the last order id of the previous page, or {@code null} for the first page
     */
    List<CloseAttempt> findParked(@Nullable String reason, @Nullable String afterOrderId, int limit);

    /** How many orders are parked, by reason, and since when the oldest is. */
    ParkedSummary summarizeParked();
}
