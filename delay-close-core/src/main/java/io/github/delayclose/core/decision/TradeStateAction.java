package io.github.delayclose.core.decision;

/** What to do with a locally unpaid order, given the provider's trade state; see {@link CloseDecision}. */
public enum TradeStateAction {

    /** The provider has the order paid: record the payment the shop missed. */
    COMPENSATE_AS_PAID,

    /** The provider has the order unpaid: close it there first, then locally. */
    CLOSE_AT_PROVIDER,

    /** Nothing is left to close at the provider: close locally and give back the stock. */
    CLOSE_LOCALLY,

    /** The payment is in progress at the provider: look again after a short delay. */
    RECHECK_LATER
}
