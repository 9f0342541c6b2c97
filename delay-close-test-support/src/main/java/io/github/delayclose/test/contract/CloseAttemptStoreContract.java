package io.github.delayclose.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.delayclose.core.spi.AttemptState;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.CloseAttemptStore;
import org.junit.jupiter.api.Test;

/**
 * Tests that every {@link CloseAttemptStore} must pass. Extend it in your test sources and return your
 * store from {@link #store()}, running against the real storage (the contract is about races between
 * instances, which a mock cannot have). Every test uses fresh order ids, so the store need not be
 * emptied between tests. Times are whole milliseconds.
 */
public abstract class CloseAttemptStoreContract {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    /** The store under test. */
    protected abstract CloseAttemptStore store();

    /** A fresh order id. */
    protected String newOrderId() {
        return "ca" + IDS.incrementAndGet();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void anInsertedRecordIsReadBackWhole() {
        String id = newOrderId();
        Instant due = now().plusSeconds(30);
        CloseAttempt waiting = CloseAttempt.waiting(id, 2, due).failed(3, "PROVIDER_ERROR", "SYSTEMERROR", due.minusSeconds(5))
                .rechecked(1);

        assertThat(store().insert(waiting)).isTrue();

        CloseAttempt read = store().find(id).orElseThrow();
        assertThat(read.orderId()).isEqualTo(id);
        assertThat(read.epoch()).isEqualTo(2);
        assertThat(read.state()).isEqualTo(AttemptState.WAITING);
        assertThat(read.failedAttempts()).isEqualTo(3);
        assertThat(read.rechecks()).isEqualTo(1);
        assertThat(read.dueAt()).isEqualTo(due);
        assertThat(read.reason()).isEqualTo("PROVIDER_ERROR");
        assertThat(read.lastError()).isEqualTo("SYSTEMERROR");
        assertThat(read.firstFailureAt()).isEqualTo(due.minusSeconds(5));
        assertThat(read.lastFailureAt()).isEqualTo(due.minusSeconds(5));
        assertThat(store().find(newOrderId())).isEmpty();
    }

    @Test
    void aSecondInsertForTheSameOrderLoses() {
        String id = newOrderId();
        assertThat(store().insert(CloseAttempt.waiting(id, 1, now()))).isTrue();
        assertThat(store().insert(CloseAttempt.waiting(id, 5, now()))).isFalse();
        assertThat(store().find(id).orElseThrow().epoch()).isEqualTo(1);
    }

    @Test
    void replaceWinsOnlyAgainstTheVersionItRead() {
        String id = newOrderId();
        store().insert(CloseAttempt.waiting(id, 0, now()));
        CloseAttempt read = store().find(id).orElseThrow();

        assertThat(store().replace(read, read.nextEpoch(now(), false))).isTrue();
        assertThat(store().replace(read, read.with(AttemptState.PARKED, now()))).as("stale version").isFalse();

        CloseAttempt after = store().find(id).orElseThrow();
        assertThat(after.epoch()).isEqualTo(1);
        assertThat(after.state()).isEqualTo(AttemptState.WAITING);
        assertThat(after.version()).isGreaterThan(read.version());
        CloseAttempt ghost = CloseAttempt.waiting(newOrderId(), 0, now());
        assertThat(store().replace(ghost, ghost.nextEpoch(now(), false))).as("no such record").isFalse();
    }

    @Test
    void ofManyInstancesRacingOneChangeExactlyOneWins() throws Exception {
        String id = newOrderId();
        store().insert(CloseAttempt.waiting(id, 0, now()));
        CloseAttempt read = store().find(id).orElseThrow();
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            Callable<Boolean> redrive = () -> {
                start.await(10, TimeUnit.SECONDS);
                return store().replace(read, read.nextEpoch(now(), false));
            };
            List<Future<Boolean>> results = pool.invokeAll(java.util.Collections.nCopies(racers, redrive));
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store().find(id).orElseThrow().epoch()).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void findAllReturnsOnlyTheOrdersThatHaveARecord() {
        String a = newOrderId();
        String b = newOrderId();
        String none = newOrderId();
        store().insert(CloseAttempt.waiting(a, 1, now()));
        store().insert(CloseAttempt.waiting(b, 1, now()));

        assertThat(store().findAll(List.of(a, b, none))).containsOnlyKeys(a, b);
        assertThat(store().findAll(List.of())).isEmpty();
    }

    @Test
    void deleteForgetsTheOrderAndIsIdempotent() {
        String id = newOrderId();
        store().insert(CloseAttempt.waiting(id, 1, now()));
        store().delete(id);
        store().delete(id);
        assertThat(store().find(id)).isEmpty();
        assertThat(store().insert(CloseAttempt.waiting(id, 1, now()))).as("a new record may follow").isTrue();
    }

    @Test
    void findWaitingDueBeforeReturnsOnlyWaitingOnesDueBeforeOldestFirst() {
        Instant cutOff = now().minus(Duration.ofDays(3));
        String later = newOrderId();
        String earlier = newOrderId();
        String notYetDue = newOrderId();
        String parked = newOrderId();
        store().insert(CloseAttempt.waiting(later, 1, cutOff.minusSeconds(10)));
        store().insert(CloseAttempt.waiting(earlier, 1, cutOff.minusSeconds(20)));
        store().insert(CloseAttempt.waiting(notYetDue, 1, cutOff.plusSeconds(10)));
        store().insert(CloseAttempt.waiting(parked, 1, cutOff.minusSeconds(30)).with(AttemptState.PARKED, cutOff.minusSeconds(30)));

        List<String> found = store().findWaitingDueBefore(cutOff, 1000).stream().map(CloseAttempt::orderId).toList();

        assertThat(found).containsSubsequence(earlier, later).doesNotContain(notYetDue, parked);
    }

    @Test
    void findParkedPagesByOrderIdAndFiltersByReason() {
        Instant at = now();
        String first = newOrderId();
        String second = newOrderId();
        String third = newOrderId();
        store().insert(CloseAttempt.waiting(first, 0, at).failed(6, "PROVIDER_ERROR", "boom", at).with(AttemptState.PARKED, at));
        store().insert(CloseAttempt.waiting(second, 0, at).failed(1, "AMOUNT_MISMATCH", "100 != 90", at).with(AttemptState.PARKED, at));
        store().insert(CloseAttempt.waiting(third, 0, at).failed(6, "PROVIDER_ERROR", "boom", at).with(AttemptState.PARKED, at));

        List<String> providerErrors = store().findParked("PROVIDER_ERROR", null, 1000).stream().map(CloseAttempt::orderId)
                .toList();
        assertThat(providerErrors).contains(first, third).doesNotContain(second);
        List<String> afterFirst = store().findParked(null, first, 1000).stream().map(CloseAttempt::orderId).toList();
        assertThat(afterFirst).contains(second, third).doesNotContain(first);
        assertThat(store().findParked(null, null, 1)).hasSize(1);
    }

    @Test
    void theParkedSummaryCountsByReasonAndKnowsTheOldest() {
        long before = store().summarizeParked().byReason().getOrDefault("STILL_PAYING", 0L);
        Instant longAgo = now().minus(Duration.ofDays(400));
        store().insert(CloseAttempt.waiting(newOrderId(), 0, longAgo).failed(10, "STILL_PAYING", null, longAgo)
                .with(AttemptState.PARKED, longAgo));
        store().insert(CloseAttempt.waiting(newOrderId(), 0, now()).failed(10, "STILL_PAYING", null, now())
                .with(AttemptState.PARKED, now()));

        var summary = store().summarizeParked();
        assertThat(summary.byReason()).containsEntry("STILL_PAYING", before + 2);
        assertThat(summary.oldestParkedAt()).isBeforeOrEqualTo(longAgo);
    }
}
