package io.github.delayclose.core.publish;

/** The broker did not confirm a message: it was nacked, returned as unroutable, or not confirmed in time. */
public class PublishFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishFailedException(String message) {
        super(message);
    }

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure itself when it is one of these, else one wrapping it. */
    static PublishFailedException from(Throwable failure) {
        return failure instanceof PublishFailedException published ? published
                : new PublishFailedException("publishing failed: " + failure.getMessage(), failure);
    }
}
