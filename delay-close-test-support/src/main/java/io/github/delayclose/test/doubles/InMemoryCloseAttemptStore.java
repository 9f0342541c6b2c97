package io.github.delayclose.test.doubles;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.delayclose.core.spi.AttemptState;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.ParkedSummary;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CloseAttemptStore} in memory, with the compare-and-set semantics the SPI requires, for
 * unit tests without a database. Thread-safe. Not for production: its state is neither shared by
 * instances nor kept over a restart, which is the point of the store.
 */
public final class InMemoryCloseAttemptStore implements CloseAttemptStore {

    private final Map<String, CloseAttempt> records = new ConcurrentHashMap<>();

    @Override
    public Optional<CloseAttempt> find(String orderId) {
        return Optional.ofNullable(records.get(orderId));
    }

    @Override
    public Map<String, CloseAttempt> findAll(Collection<String> orderIds) {
        Map<String, CloseAttempt> found = new LinkedHashMap<>();
        orderIds.forEach(id -> find(id).ifPresent(record -> found.put(id, record)));
        return found;
    }

    @Override
    public boolean insert(CloseAttempt attempt) {
        return records.putIfAbsent(attempt.orderId(), withVersion(attempt, 0)) == null;
    }

    @Override
    public boolean replace(CloseAttempt current, CloseAttempt next) {
        if (!current.orderId().equals(next.orderId())) {
            throw new IllegalArgumentException("a record replaces one of the same order");
        }
        boolean[] replaced = new boolean[1];
        records.computeIfPresent(current.orderId(), (id, stored) -> {
            if (stored.version() != current.version()) {
                return stored;
            }
            replaced[0] = true;
            return withVersion(next, stored.version() + 1);
        });
        return replaced[0];
    }

    @Override
    public void delete(String orderId) {
        records.remove(orderId);
    }

    @Override
    public List<CloseAttempt> findWaitingDueBefore(Instant dueBefore, int limit) {
        return records.values().stream()
                .filter(record -> record.state() == AttemptState.WAITING && record.dueAt().isBefore(dueBefore))
                .sorted(Comparator.comparing(CloseAttempt::dueAt).thenComparing(CloseAttempt::orderId))
                .limit(limit)
                .toList();
    }

    @Override
    public List<CloseAttempt> findParked(@Nullable String reason, @Nullable String afterOrderId, int limit) {
        return records.values().stream()
                .filter(record -> record.state() == AttemptState.PARKED)
                .filter(record -> reason == null || reason.equals(record.reason()))
                .filter(record -> afterOrderId == null || record.orderId().compareTo(afterOrderId) > 0)
                .sorted(Comparator.comparing(CloseAttempt::orderId))
                .limit(limit)
                .toList();
    }

    @Override
    public ParkedSummary summarizeParked() {
        List<CloseAttempt> parked = records.values().stream()
                .filter(record -> record.state() == AttemptState.PARKED).toList();
        Map<String, Long> byReason = new LinkedHashMap<>();
        parked.forEach(record -> byReason.merge(Objects.requireNonNullElse(record.reason(), "UNKNOWN"), 1L, Long::sum));
        return new ParkedSummary(byReason, parked.stream().map(CloseAttempt::dueAt).min(Comparator.naturalOrder()).orElse(null));
    }

    /** Every record, for assertions. */
    public Collection<CloseAttempt> all() {
        return List.copyOf(records.values());
    }

    private static CloseAttempt withVersion(CloseAttempt attempt, long version) {
        Objects.requireNonNull(attempt, "attempt");
        return new CloseAttempt(attempt.orderId(), attempt.epoch(), attempt.state(), attempt.failedAttempts(),
                attempt.rechecks(), attempt.dueAt(), attempt.reason(), attempt.lastError(), attempt.firstFailureAt(),
                attempt.lastFailureAt(), version);
    }
}
