package io.github.delayclose.core.listen;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The closes in flight at once, and the threads they run on.
 *
 * <p>A close spends almost all its time waiting: for the provider (twice) and for a short database
 * transaction. Tying each close to a consumer thread would make throughput "consumers × 1 / provider
 * latency". Instead a few consumers hand messages to this window, which runs up to {@code size}
 * closes at once on threads of its own; the consumers' prefetch is sized so that the broker never
 * delivers more unacknowledged messages than the window holds, so backpressure stays in the broker
 * and nothing queues in memory. {@link #submit} still blocks when the window is full, as a guard
 * should a container be configured with a larger prefetch.
 */
public final class CloseWindow implements AutoCloseable {

    private final int size;
    private final Semaphore slots;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object emptied = new Object();
    private final ExecutorService threads;

    /**
     * @param size the most closes in flight at once, at least 1
     */
    public CloseWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("the close window must hold at least 1 close, but was " + size);
        }
        this.size = size;
        this.slots = new Semaphore(size);
        // As many threads as slots: a close never waits for a thread, only for a slot. The queue is
        // never used beyond that, because a task is submitted only with a slot in hand.
        CustomizableThreadFactory factory = new CustomizableThreadFactory("delay-close-");
        // Daemon: a close still running when the JVM exits is simply redelivered, and a failed
        // start-up must not keep the JVM alive.
        factory.setDaemon(true);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        this.threads = executor;
    }

    /**
     * Runs a close in the window, waiting for a free slot first.
     *
     * @return completes when the close has run, exceptionally if it threw
     * @throws InterruptedException when interrupted while waiting for a slot; nothing was started
     */
    public CompletableFuture<Void> submit(Runnable close) throws InterruptedException {
        Objects.requireNonNull(close, "close");
        slots.acquire();
        inFlight.incrementAndGet();
        try {
            return CompletableFuture.runAsync(close, threads).whenComplete((ignored, failure) -> done());
        }
        catch (RuntimeException rejected) {
            done();
            throw rejected;
        }
    }

    private void done() {
        slots.release();
        if (inFlight.decrementAndGet() == 0) {
            synchronized (emptied) {
                emptied.notifyAll();
            }
        }
    }

    /** The closes running now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** The most closes in flight at once. */
    public int size() {
        return size;
    }

    /**
     * Waits until no close is in flight, or the timeout passes.
     *
     * @return whether the window emptied in time
     */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (emptied) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(emptied, left);
            }
        }
        return true;
    }

    /** Stops the threads once the closes running now have finished. */
    @Override
    public void close() {
        threads.shutdown();
    }
}
