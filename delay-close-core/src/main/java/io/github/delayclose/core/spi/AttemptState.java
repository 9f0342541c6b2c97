package io.github.delayclose.core.spi;

/** Where an order's close stands while it is not done; see {@link CloseAttempt}. */
public enum AttemptState {

    /**
     * A copy of the order's timeout message waits in a retry or re-check queue, or was re-driven to
     * the timeout queue; it is due at {@link CloseAttempt#dueAt()}.
     */
    WAITING,

    /** Given up on after its retries; it leaves this state only by an explicit replay. */
    PARKED,

    /** Parked, then discarded by an operator with a reason; the sweep leaves it alone for good. */
    DISCARDED
}
