package io.github.delayclose.core.attempt;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.delayclose.core.close.DatabaseGate;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.ParkedSummary;
import org.jspecify.annotations.Nullable;

/** A store whose every call waits for the {@link DatabaseGate}, as the closes' own database work does. */
final class GatedStore implements CloseAttemptStore {

    private final CloseAttemptStore store;
    private final DatabaseGate gate;

    GatedStore(CloseAttemptStore store, DatabaseGate gate) {
        this.store = store;
        this.gate = gate;
    }

    @Override
    public Optional<CloseAttempt> find(String orderId) {
        return gate.call(() -> store.find(orderId));
    }

    @Override
    public Map<String, CloseAttempt> findAll(Collection<String> orderIds) {
        return gate.call(() -> store.findAll(orderIds));
    }

    @Override
    public boolean insert(CloseAttempt attempt) {
        return gate.call(() -> store.insert(attempt));
    }

    @Override
    public boolean replace(CloseAttempt current, CloseAttempt next) {
        return gate.call(() -> store.replace(current, next));
    }

    @Override
    public void delete(String orderId) {
        gate.call(() -> {
            store.delete(orderId);
            return null;
        });
    }

    @Override
    public List<CloseAttempt> findWaitingDueBefore(Instant dueBefore, int limit) {
        return gate.call(() -> store.findWaitingDueBefore(dueBefore, limit));
    }

    @Override
    public ParkedSummary summarizeParked() {
        return gate.call(store::summarizeParked);
    }

    @Override
    public List<CloseAttempt> findParked(@Nullable String reason, @Nullable String afterOrderId, int limit) {
        return gate.call(() -> store.findParked(reason, afterOrderId, limit));
    }
}
