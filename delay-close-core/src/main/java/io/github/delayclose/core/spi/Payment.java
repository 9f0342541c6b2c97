package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment the provider confirmed.
 *
 * @param transactionId the provider's transaction id (WeChat Pay's {@code transaction_id})
 * @param paidAt when the provider says the payment completed; the time it was learnt if unknown
 */
public record Payment(String transactionId, Instant paidAt) {

    public Payment {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(paidAt, "paidAt");
        if (transactionId.isBlank()) {
            throw new IllegalArgumentException("transactionId must not be blank");
        }
    }
}
