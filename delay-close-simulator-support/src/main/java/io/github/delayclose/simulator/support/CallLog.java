package io.github.delayclose.simulator.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last calls a simulator received, for tests that check what a client sent: at most
 * {@value #CAPACITY}, so a simulator under a load test does not grow without end. Thread-safe.
 */
public final class CallLog {

    /** How many calls are kept. */
    public static final int CAPACITY = 10_000;

    private final Deque<SimulatedCall> calls = new ArrayDeque<>();

    /** Keeps {@code call}, forgetting the oldest beyond {@link #CAPACITY}. */
    public synchronized void add(SimulatedCall call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    /** The calls kept, oldest first. */
    public synchronized List<SimulatedCall> all() {
        return List.copyOf(calls);
    }

    /** Forgets every call. */
    public synchronized void clear() {
        calls.clear();
    }
}
