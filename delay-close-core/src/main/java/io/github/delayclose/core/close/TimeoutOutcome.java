package io.github.delayclose.core.close;

/** How an attempt to close an order ended, when it did not fail. */
public enum TimeoutOutcome {

    /** Closed at the provider (where needed) and locally; stock given back. */
    CLOSED,

    /** The provider had it paid: the missed payment was recorded instead. */
    COMPENSATED_AS_PAID,

    /** Already paid or closed, by this or another worker: nothing was changed. */
    ALREADY_FINAL,

    /** The payer is still paying at the provider: look again later. */
    STILL_PAYING,

    /**
     * The order's deadline has not come yet (it was moved later after this message was sent): the
     * message goes back to wait for the time left. Nothing was asked or changed.
     */
    NOT_YET_DUE,

    /**
     * A newer copy of the order's message owns its close (delay-close re-sent it, or it was parked
     * under this copy already): this copy was dropped without asking the provider or changing anything.
     */
    STALE_COPY
}
