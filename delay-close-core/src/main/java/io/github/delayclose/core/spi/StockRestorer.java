package io.github.delayclose.core.spi;

/**
 * Gives back the stock that a closed order had taken.
 *
 * <p><b>Concurrency contract.</b> Called only after {@link OrderRepository#markClosed} won for the
 * order, inside the same transaction when the application has a transaction manager; if that
 * transaction rolls back, the close is undone with it and will be tried again. Implementations must
 * still be idempotent per order id: when a retry follows a failure after the stock was written but
 * before the caller learnt so, calling again for the same order must not give the stock back twice.
 */
public interface StockRestorer {

    /**
     * Gives back the stock of every item of the order.
     *
     * @param orderId an order that was just closed
     */
    void restore(String orderId);

    /** A restorer for shops that do not reserve stock at order time. */
    static StockRestorer none() {
        return orderId -> { };
    }
}
