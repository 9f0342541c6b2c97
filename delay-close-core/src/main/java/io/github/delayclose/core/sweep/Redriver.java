package io.github.delayclose.core.sweep;

import java.util.Objects;

import io.github.delayclose.core.message.TimeoutMessage;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.publish.Outgoing;

/**
 * Sends a copy of an order's timeout message straight to the timeout queue: never through a delay,
 * retry or re-check queue, since one of those may be the queue whose dead-lettering is stuck.
 */
public final class Redriver {

    private final BudgetedPublisher publisher;
    private final String timeoutQueue;

    public Redriver(BudgetedPublisher publisher, String timeoutQueue) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.timeoutQueue = Objects.requireNonNull(timeoutQueue, "timeoutQueue");
    }

    /** Sends the copy and waits for the broker's confirm. */
    public void redrive(TimeoutMessage copy) {
        publisher.publish(new Outgoing("", timeoutQueue, copy.toMessage()));
    }
}
