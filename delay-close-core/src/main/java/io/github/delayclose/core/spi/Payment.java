package io.github.delayclose.core.spi;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A payment the provider confirmed.
 *
 * @param transactionId the provider's transaction id (WeChat Pay's {@code transaction_id})
 * @param paidAt when the provider says the payment completed; the time it was learnt if unknown
 * @param amount what was paid, in the currency's minor unit (fen for CNY: WeChat Pay's
 *     {@code total_fee}), or {@code null} when the provider's answer does not say
 */
public record Payment(String transactionId, Instant paidAt, @Nullable Long amount) {

    public Payment {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(paidAt, "paidAt");
        if (transactionId.isBlank()) {
            throw new IllegalArgumentException("transactionId must not be blank");
        }
        if (amount != null && amount < 0) {
            throw new IllegalArgumentException("amount must not be negative, but was " + amount);
        }
    }

    /** A payment whose amount the provider did not state. */
    public Payment(String transactionId, Instant paidAt) {
        this(transactionId, paidAt, null);
    }
}
