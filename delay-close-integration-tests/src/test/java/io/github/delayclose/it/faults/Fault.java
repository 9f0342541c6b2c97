package io.github.delayclose.it.faults;

/** The faults the run injects, one window each, in this order. */
enum Fault {

    /** Every provider answer takes 400 ms instead of the usual latency. */
    PROVIDER_SLOW,

    /** A run of provider answers held back past the gateway's call timeout. */
    PROVIDER_TIMEOUTS,

    /** Every database connection of the applications closed at once, then a second time mid-window. */
    DB_CUT,

    /** The database stops answering, connections open, for the window. */
    DB_BLACKHOLE,

    /** Every broker connection of the applications closed at once, then a second time mid-window. */
    BROKER_CUT,

    /** The broker stops answering, connections open, for the window. */
    BROKER_BLACKHOLE,

    /** One instance killed with SIGKILL while its closes wait on a slow provider; a new one started. */
    INSTANCE_KILLED
}
