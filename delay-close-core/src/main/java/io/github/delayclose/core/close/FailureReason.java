package io.github.delayclose.core.close;

/**
 * Why an order's timeout message could not be handled. Written into the {@code x-delay-close-reason}
 * header of parked messages, so operators can filter the parking queue by cause.
 */
public enum FailureReason {

    /** The order was not found locally, even after retries. */
    ORDER_NOT_FOUND(true),

    /** The payment provider gave no trustworthy answer, even after retries. */
    PROVIDER_ERROR(true),

    /** The payer was still paying at the provider after every re-check. */
    STILL_PAYING(true),

    /** The message body is not an order id; retrying cannot help. */
    MALFORMED_MESSAGE(false),

    /**
     * The provider reports a payment of another amount than the order's: neither closed nor taken as
     * paid; someone has to look. Retrying cannot help.
     */
    AMOUNT_MISMATCH(false),

    /** Anything else, such as the database being unreachable. */
    UNEXPECTED_ERROR(true);

    private final boolean retryable;

    FailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether trying again later may succeed. */
    public boolean isRetryable() {
        return retryable;
    }
}
