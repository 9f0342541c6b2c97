package io.github.delayclose.bench.driver;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run must undo (child JVMs, queues, databases), undone in reverse order exactly once: at
 * the end of the run, or from a shutdown hook when the run is interrupted with Ctrl-C.
 */
public final class Teardown {

    private final Deque<Step> steps = new ArrayDeque<>();

    public Teardown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::runAll, "bench-teardown"));
    }

    /** Registers a step; it runs before every step registered earlier. */
    public synchronized void add(String what, Runnable step) {
        steps.push(new Step(what, step));
    }

    /** Runs the steps registered since {@code mark}, newest first. */
    public synchronized void runDownTo(int mark) {
        while (steps.size() > mark) {
            Step step = steps.pop();
            try {
                step.action().run();
            }
            catch (RuntimeException ex) {
                System.err.println("bench: could not " + step.what() + ": " + ex.getMessage());
            }
        }
    }

    /** The current depth, to pass to {@link #runDownTo} when a phase ends. */
    public synchronized int mark() {
        return steps.size();
    }

    public void runAll() {
        runDownTo(0);
    }

    private record Step(String what, Runnable action) {
    }
}
