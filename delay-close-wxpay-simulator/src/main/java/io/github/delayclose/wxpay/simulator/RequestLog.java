package io.github.delayclose.wxpay.simulator;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The most recent calls the simulator received, at most {@code capacity} of them: the oldest are
 * dropped as new ones arrive. Lock-free, so recording never makes concurrent calls wait for each
 * other; under concurrent adds the log may pass the capacity for an instant before it is trimmed.
 *
 * <p>The count is raised only after a request is added and lowered before one is removed, so it
 * never exceeds what the deque holds: a thread that wins the count's decrement always finds a
 * request to remove, and two threads trimming at once never remove more than the excess.
 */
final class RequestLog {

    private final Deque<RecordedRequest> requests = new ConcurrentLinkedDeque<>();

    // ConcurrentLinkedDeque counts by walking the whole deque; this keeps the count at hand.
    private final AtomicInteger size = new AtomicInteger();

    private volatile int capacity;

    RequestLog(int capacity) {
        capacity(capacity);
    }

    /** Keeps at most {@code capacity} requests from now on; 0 records none. */
    void capacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("the number of requests to record must be 0 or more: " + capacity);
        }
        this.capacity = capacity;
        trim();
    }

    void add(RecordedRequest request) {
        if (capacity == 0) {
            return;
        }
        requests.addLast(request);
        size.incrementAndGet();
        trim();
    }

    /** The recorded requests, oldest first. */
    List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    void clear() {
        removeDownTo(0);
    }

    private void trim() {
        removeDownTo(capacity);
    }

    private void removeDownTo(int limit) {
        for (int current = size.get(); current > limit; current = size.get()) {
            if (size.compareAndSet(current, current - 1)) {
                requests.pollFirst();
            }
        }
    }
}
