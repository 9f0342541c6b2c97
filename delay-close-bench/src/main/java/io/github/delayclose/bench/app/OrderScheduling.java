package io.github.delayclose.bench.app;

import java.time.Instant;
import java.util.Map;

/** How the application under test starts an order's payment window. */
@FunctionalInterface
public interface OrderScheduling {

    /** Starts the order's window with the application's one configured length. */
    void schedule(String orderId);

    /**
     * Starts the windows of orders that end at deadlines of their own, in one transaction, as the
     * checkout that created them would: each deadline is stored with the commit and each message sent
     * after it.
     *
     * @param deadlines by order id
     * @throws UnsupportedOperationException where the design has one window for every order, as the
     *     tutorial's does (its queue's {@code x-message-ttl})
     */
    default void scheduleUntil(Map<String, Instant> deadlines) {
        throw new UnsupportedOperationException("this design has one payment window for every order");
    }
}
