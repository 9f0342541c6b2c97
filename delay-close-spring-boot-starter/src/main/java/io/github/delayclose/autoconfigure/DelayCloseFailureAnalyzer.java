package io.github.delayclose.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns delay-close's start-up failures into a description and an action, instead of a stack
 * trace to puzzle over.
 */
class DelayCloseFailureAnalyzer implements FailureAnalyzer {

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingSpiImplementationException missing) {
                return new FailureAnalysis(missing.getMessage() + ".", missing.getHowToProvide(), missing);
            }
            if (cause instanceof DelayTopologyMismatchException mismatch) {
                return new FailureAnalysis(mismatch.getMessage(), action(mismatch), mismatch);
            }
        }
        return null;
    }

    private static String action(DelayTopologyMismatchException mismatch) {
        if (mismatch.isQueueTypeChange()) {
            return "The broker already holds this queue with another type. delay-close declares quorum queues by default "
                    + "(replicated, with at-least-once dead-lettering), and a broker that ran the tutorial, or an earlier "
                    + "delay-close, holds classic ones; RabbitMQ cannot change a queue's type. Two ways out: keep classic "
                    + "queues by setting delay-close.queues.type=classic; or migrate to quorum queues by giving every queue "
                    + "and the exchange new names (delay-close.queues.delay, dead-letter-exchange, timeout, parking) and "
                    + "deploying. The old delay queue keeps dead-lettering into the old timeout queue, and the safety-net "
                    + "sweep closes those orders once they are overdue (raise delay-close.sweep.lookback for that deploy if "
                    + "some are older than an hour); delete the old queues and exchange once they are empty. The README's "
                    + "'Changing queue type or names' section walks through it.";
        }
        if (mismatch.isTimeoutChange()) {
            return "The delay queue was declared with another timeout, and RabbitMQ cannot change the TTL of an "
                    + "existing queue. Use the levels layout (delay-close.queues.layout=levels, the default), where the "
                    + "timeout is not a queue argument at all; or set delay-close.timeout back to the queue's TTL; or move to a new "
                    + "delay queue: set delay-close.queues.delay to a new name (for example "
                    + "queue.ordercreate.45m) and deploy. New orders then wait in the new queue while the old one "
                    + "keeps dead-lettering its messages to the same exchange; delete the old queue once it is "
                    + "empty. No message is lost and no broker surgery is needed.";
        }
        return "A queue or exchange with this name exists with other arguments (another queue type, or another "
                + "dead-letter target such as a renamed parking queue), and RabbitMQ cannot change them in place. "
                + "Either go back to the previous delay-close.queues.* settings, or migrate as the README's "
                + "'Changing queue type or names' section describes: new names for every queue and the exchange, "
                + "then drain and delete the old ones.";
    }
}
