package io.github.delayclose.core.topology;

/** The RabbitMQ queue type of every queue delay-close declares. */
public enum QueueType {

    /** Classic queues: a single node, the simplest choice. */
    CLASSIC,

    /**
     * Quorum queues, replicated for clusters. Declared with at-least-once dead-lettering (and the
     * {@code reject-publish} overflow it requires), so a message is never lost between the delay
     * queue and the timeout queue even when a node fails. Needs RabbitMQ 3.10 or later.
     */
    QUORUM
}
