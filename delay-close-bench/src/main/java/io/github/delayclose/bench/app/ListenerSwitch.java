package io.github.delayclose.bench.app;

/**
 * Starts the timeout listener of the application under test. Scenarios whose orders are all due
 * together start it only once every message waits in the timeout queue, so the measured time is
 * closing, not scheduling.
 */
@FunctionalInterface
public interface ListenerSwitch {

    void start();
}
