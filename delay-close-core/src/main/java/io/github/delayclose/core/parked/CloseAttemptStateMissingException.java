package io.github.delayclose.core.parked;

/**
 * Parked orders were asked for, but delay-close keeps no close-attempt state: without it, it knows
 * neither which orders are parked nor how to hand one to a fresh attempt.
 */
public class CloseAttemptStateMissingException extends IllegalStateException {

    /** What it says, also for those who answer without throwing. */
    public static final String MESSAGE = "Listing, replaying and discarding parked orders needs close-attempt state, "
            + "and this application has no CloseAttemptStore: add delay-close-jdbc (its store keeps the state in table "
            + "delay_close_attempt) or define a CloseAttemptStore bean. Until then, parked messages can only be moved "
            + "from the parking queue back to the timeout queue by hand (a shovel, or the management UI).";

    private static final long serialVersionUID = 1L;

    public CloseAttemptStateMissingException() {
        super(MESSAGE);
    }
}
