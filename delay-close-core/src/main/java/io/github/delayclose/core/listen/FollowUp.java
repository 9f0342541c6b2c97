package io.github.delayclose.core.listen;

/** What happens next to an order whose timeout message was handled. */
public enum FollowUp {

    /** Nothing: the order is closed, paid or final already. */
    NONE,

    /** A copy waits in a retry queue for a later attempt. */
    RETRY,

    /** A copy waits in the re-check queue to ask the provider again. */
    RECHECK,

    /** A copy waits for the order's deadline, which was moved later. */
    WAIT,

    /** The order is parked until an operator replays or discards it. */
    PARK,

    /** This copy was dropped: a newer one owns the order's close. */
    DROP
}
