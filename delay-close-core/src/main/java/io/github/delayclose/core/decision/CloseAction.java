package io.github.delayclose.core.decision;

/** What to do next for an order whose payment window ended; see {@link CloseDecision}. */
public enum CloseAction {

    /** The order is already paid or closed: nothing to do, acknowledge. */
    NOTHING,

    /** The order is not (yet) visible locally: transient, retry and finally park {@code ORDER_NOT_FOUND}. */
    RETRY_ORDER_NOT_FOUND,

    /** The order is unpaid locally: ask the provider what really happened. */
    QUERY_PROVIDER,

    /** The provider has the order paid: record the payment the shop missed. */
    COMPENSATE_AS_PAID,

    /** The provider has the order unpaid: close it there first, then locally. */
    CLOSE_AT_PROVIDER,

    /** Nothing is left to close at the provider: close locally and give back the stock. */
    CLOSE_LOCALLY,

    /** The provider says it was paid while we closed: query again and record the payment. */
    REQUERY_AND_COMPENSATE,

    /** The payment is in progress at the provider: look again after a short delay. */
    RECHECK_LATER,

    /** The provider gave no trustworthy answer: do not act, retry with backoff, finally park. */
    RETRY_PROVIDER_ERROR
}
