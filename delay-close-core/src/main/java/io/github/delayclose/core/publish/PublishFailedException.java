package io.github.delayclose.core.publish;

/** The broker did not confirm a message: it was nacked, returned as unroutable, or not confirmed in time. */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message) {
        super(message);
    }

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
