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
    STILL_PAYING
}
