package io.github.delayclose.core.publish;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Publishes through a {@link ConfirmedPublisher}, trying a message the broker refuses again for a
 * {@link PublishBudget}: a failover (a quorum leader election, a node restart) costs a delay, not a
 * lost schedule or a parked order.
 *
 * <p>Two ways in. {@link #publish} waits, on the caller's thread, until the broker confirmed or the
 * budget is spent: for the copies a close sends on (retry, re-check, parking), which must be durable
 * before the message is acked. {@link #submit} returns at once and tries in the background, at most
 * {@code capacity} messages at a time, so memory stays bounded while the broker is away: for delay
 * messages published after a commit.
 */
public final class BudgetedPublisher implements AutoCloseable {

    private final ConfirmedPublisher publisher;
    private final PublishBudget budget;
    private final Executor senders;
    private final Semaphore capacity;
    private final int capacityLimit;
    private final ScheduledExecutorService retries;

    /**
     * @param senders runs the sends of {@link #submit}, so that a broker blocking publishers (a memory
     *     alarm) never blocks the caller
     * @param capacity the most messages {@link #submit} holds at once; beyond it a submit fails at once
     */
    public BudgetedPublisher(ConfirmedPublisher publisher, PublishBudget budget, Executor senders, int capacity) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.senders = Objects.requireNonNull(senders, "senders");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, but was " + capacity);
        }
        this.capacity = new Semaphore(capacity);
        this.capacityLimit = capacity;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("delay-close-publish-retry-");
        threads.setDaemon(true);
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, threads);
        scheduler.setRemoveOnCancelPolicy(true);
        this.retries = scheduler;
    }

    /**
     * Publishes and waits until the broker confirmed, trying again within the budget.
     *
     * @throws PublishFailedException with the last failure, once the budget is spent
     */
    public void publish(Outgoing outgoing) {
        publish(outgoing, () -> { });
    }

    /**
     * Publishes and waits, as {@link #publish(Outgoing)}, running {@code repair} once after the first
     * failure (for example, declaring a queue deleted by hand again) before trying again.
     */
    public void publish(Outgoing outgoing, Runnable repair) {
        long deadline = System.nanoTime() + budget.total().toNanos();
        Duration backoff = null;
        while (true) {
            try {
                publisher.publish(outgoing.exchange(), outgoing.routingKey(), outgoing.message());
                return;
            }
            catch (PublishFailedException failed) {
                if (backoff == null) {
                    repair.run();
                }
                backoff = budget.backoffAfter(backoff);
                if (System.nanoTime() + backoff.toNanos() > deadline) {
                    throw failed;
                }
                pause(backoff, failed);
            }
        }
    }

    /**
     * Publishes in the background, trying again within the budget.
     *
     * @param outgoing builds the message and its destination; called for every attempt, so that what
     *     depends on the time (a delay's route) is worked out afresh
     * @return completes when the broker confirmed, or exceptionally with the last failure once the
     *     budget is spent, or at once with {@link PublishFailedException} when {@code capacity}
     *     messages are already being published
     */
    public CompletableFuture<Void> submit(Supplier<Outgoing> outgoing) {
        if (!capacity.tryAcquire()) {
            return CompletableFuture.failedFuture(new PublishFailedException(capacityLimit
                    + " messages are already waiting for the broker (delay-close.publish.queue-capacity)"));
        }
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        outcome.whenComplete((done, failure) -> capacity.release());
        attempt(outgoing, System.nanoTime() + budget.total().toNanos(), null, outcome);
        return outcome;
    }

    private void attempt(Supplier<Outgoing> outgoing, long deadline, Duration previousBackoff,
            CompletableFuture<Void> outcome) {
        try {
            senders.execute(() -> send(outgoing.get())
                    .whenComplete((done, failure) -> {
                        if (failure == null) {
                            outcome.complete(null);
                            return;
                        }
                        Duration backoff = budget.backoffAfter(previousBackoff);
                        if (System.nanoTime() + backoff.toNanos() > deadline) {
                            outcome.completeExceptionally(PublishFailedException.from(unwrap(failure)));
                            return;
                        }
                        retries.schedule(() -> attempt(outgoing, deadline, backoff, outcome), backoff.toNanos(),
                                TimeUnit.NANOSECONDS);
                    }));
        }
        catch (RejectedExecutionException ex) {
            outcome.completeExceptionally(new PublishFailedException("delay-close is shutting down", ex));
        }
    }

    private CompletableFuture<Void> send(Outgoing outgoing) {
        return publisher.publishAsync(outgoing.exchange(), outgoing.routingKey(), outgoing.message());
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    private static void pause(Duration backoff, PublishFailedException failed) {
        try {
            TimeUnit.NANOSECONDS.sleep(backoff.toNanos());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw failed;
        }
    }

    /** The messages {@link #submit} holds now. */
    public int pending() {
        return capacityLimit - capacity.availablePermits();
    }

    /** Stops retrying; messages still waiting for a retry are given up. */
    @Override
    public void close() {
        retries.shutdownNow();
    }
}
