package io.github.delayclose.bench.app;

/**
 * Starts and stops the timeout listener of the application under test. Scenarios whose orders are
 * all due together start it only once every message waits in the timeout queue, so the measured
 * time is closing, not scheduling; a warm-up batch runs before that, and the listener is stopped
 * again once it has closed.
 */
public interface ListenerSwitch {

    void start();

    /** Stops consuming once the closes in flight have finished and been acknowledged. */
    void stop();
}
