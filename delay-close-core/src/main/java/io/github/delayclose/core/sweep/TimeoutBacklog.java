package io.github.delayclose.core.sweep;

/**
 * Whether the timeout queue holds more messages than the listeners will take at once. Then late
 * orders are late because the closes are behind, not because a message was lost or is stuck, and
 * sending them again would only queue the copies behind the originals.
 */
@FunctionalInterface
public interface TimeoutBacklog {

    /** Whether the timeout queue is behind. */
    boolean isBehind();

    /** A backlog that is never behind, for tests and for brokers that cannot be asked. */
    static TimeoutBacklog none() {
        return () -> false;
    }
}
