package io.github.delayclose.core.decision;

/** What to do after asking the provider to close an order's trade, given its answer; see {@link CloseDecision}. */
public enum CloseAnswerAction {

    /** The trade is closed at the provider: close locally and give back the stock. */
    CLOSE_LOCALLY,

    /** The provider says it was paid while we closed: query again and record the payment. */
    REQUERY_AND_COMPENSATE
}
