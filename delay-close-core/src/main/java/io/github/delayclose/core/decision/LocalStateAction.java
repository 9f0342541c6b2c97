package io.github.delayclose.core.decision;

/** What to do when an order's payment window ends, judged on its local state alone; see {@link CloseDecision}. */
public enum LocalStateAction {

    /** The order is already paid or closed: nothing to do, acknowledge. */
    NOTHING,

    /** The order is not (yet) visible locally: transient, retry and finally park {@code ORDER_NOT_FOUND}. */
    RETRY_ORDER_NOT_FOUND,

    /** The order is unpaid locally: ask the provider what really happened. */
    QUERY_PROVIDER
}
