package io.github.delayclose.bench.app;

/** How the application under test starts an order's payment window. */
@FunctionalInterface
public interface OrderScheduling {

    void schedule(String orderId);
}
