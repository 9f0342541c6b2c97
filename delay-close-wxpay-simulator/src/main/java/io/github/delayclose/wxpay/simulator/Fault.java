package io.github.delayclose.wxpay.simulator;

/**
 * A misbehaviour queued for coming calls.
 *
 * @param kind what goes wrong
 * @param value the {@code err_code}, HTTP status or raw body, depending on {@code kind}
 */
record Fault(Kind kind, String value) {

    enum Kind {
        /** Answer {@code result_code FAIL} with {@code value} as {@code err_code}; the call has no effect. */
        ERROR,
        /** Do the call, but sign the answer wrongly. */
        BAD_SIGNATURE,
        /** Do the call, but answer with truncated XML. */
        MALFORMED,
        /** Do the call, but answer with {@code value} verbatim. */
        RAW,
        /** Do the call, but answer with HTTP status {@code value} and no XML. */
        HTTP_STATUS
    }

    /** Whether the call itself still happens (only the answer is spoilt). */
    boolean callTakesEffect() {
        return kind != Kind.ERROR;
    }
}
