package io.github.delayclose.bench.driver;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a run must undo (child JVMs, queues, databases), undone in reverse order exactly once: at
 * the end of the run, or from a shutdown hook when the run is interrupted with Ctrl-C.
 */
public final class Teardown {

    private final Deque<Step> steps = new ArrayDeque<>();

    private boolean finished;

    public Teardown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::runAll, "bench-teardown"));
    }

    /**
     * Registers a step; it runs before every step registered earlier. Once the whole teardown has
     * run (the run was interrupted while the main thread went on), the step runs at once and the
     * caller is stopped, so nothing started afterwards outlives the run.
     */
    public synchronized void add(String what, Runnable step) {
        if (finished) {
            step.run();
            throw new IllegalStateException("the run is shutting down");
        }
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

    public synchronized void runAll() {
        runDownTo(0);
        finished = true;
    }

    private record Step(String what, Runnable action) {
    }
}
