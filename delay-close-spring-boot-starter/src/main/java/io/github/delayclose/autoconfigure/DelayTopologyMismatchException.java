package io.github.delayclose.autoconfigure;

/**
 * A queue or exchange delay-close declares already exists on the broker with other arguments
 * (RabbitMQ answered PRECONDITION_FAILED), most often a delay queue whose x-message-ttl is not the
 * configured {@code delay-close.timeout}. Explained by {@link DelayCloseFailureAnalyzer}.
 */
public class DelayTopologyMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String declaration;

    private final String brokerReply;

    public DelayTopologyMismatchException(String declaration, String brokerReply, Throwable cause) {
        super("RabbitMQ refused to declare " + declaration + ": " + brokerReply, cause);
        this.declaration = declaration;
        this.brokerReply = brokerReply;
    }

    /** What was being declared, e.g. {@code queue 'queue.ordercreate'}. */
    public String getDeclaration() {
        return declaration;
    }

    /** The broker's own words, e.g. {@code PRECONDITION_FAILED - inequivalent arg 'x-message-ttl' …}. */
    public String getBrokerReply() {
        return brokerReply;
    }

    /** Whether the clash is about the delay queue's TTL, i.e. the timeout was changed. */
    public boolean isTimeoutChange() {
        return brokerReply.contains("x-message-ttl");
    }

    /**
     * Whether the clash is about the queue type: a broker holding the tutorial's classic queues while
     * delay-close declares quorum ones (its default), or the other way round.
     */
    public boolean isQueueTypeChange() {
        // RabbitMQ names the first argument that differs, which for classic against quorum may be any
        // of the arguments only quorum queues carry.
        return java.util.stream.Stream.of("x-queue-type", "x-overflow", "x-dead-letter-strategy", "x-delivery-limit")
                .anyMatch(brokerReply::contains);
    }
}
