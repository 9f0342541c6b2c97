package io.github.delayclose.core.spi;

/**
 * The payment provider gave no answer that can be trusted: a transport error or timeout, a
 * response whose signature does not verify, malformed content, a provider-side error, or a value
 * the gateway does not know. Always retryable: the caller retries with backoff and finally parks
 * the order's message with this exception's message as the reason.
 */
public class PaymentGatewayException extends RuntimeException {

    public PaymentGatewayException(String message) {
        super(message);
    }

    public PaymentGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
