package io.github.delayclose.core.spi;

import org.jspecify.annotations.Nullable;

/**
 * The payment provider, for the two calls that closing an order needs.
 *
 * <p><b>Concurrency contract.</b> Called from many listener threads at once, also for the same
 * order (redelivery, several instances); both calls must be safe to repeat. Implementations never
 * guess: an answer they cannot read with certainty (transport error, timeout, bad signature,
 * malformed response, a state they do not know) is reported as {@link PaymentGatewayException},
 * which makes the caller retry later instead of acting.
 */
public interface PaymentGateway {

    /**
     * Asks the provider for the trade state of an order.
     *
     * @param orderId the shop's order id (WeChat Pay's {@code out_trade_no})
     * @return the provider's answer; {@link TradeState#NOT_FOUND} when it has no such trade
     * @throws PaymentGatewayException when no trustworthy answer was obtained
     */
    TradeReport queryTrade(String orderId);

    /**
     * Asks the provider to close an order's trade so that it can no longer be paid.
     *
     * @param orderId the shop's order id
     * @return what the provider did
     * @throws PaymentGatewayException when no trustworthy answer was obtained, including the
     *     provider's own transient errors (WeChat Pay's {@code SYSTEMERROR})
     */
    TradeCloseResult closeOrder(String orderId);

    /**
     * Asks for the trade state of an order paid through {@code channel}. Only a gateway that serves
     * several channels looks at it; by default it is {@link #queryTrade(String)}.
     *
     * @param orderId the shop's order id
     * @param channel the order's payment channel as the repository stores it
     *     ({@link OrderSnapshot#channel()}), or {@code null} when it is not known (yet)
     * @throws PaymentGatewayException when no trustworthy answer was obtained
     */
    default TradeReport queryTrade(String orderId, @Nullable String channel) {
        return queryTrade(orderId);
    }

    /**
     * Closes the trade of an order paid through {@code channel}. Only a gateway that serves several
     * channels looks at it; by default it is {@link #closeOrder(String)}.
     *
     * @param orderId the shop's order id
     * @param channel the order's payment channel, or {@code null} when it is not known (yet)
     * @throws PaymentGatewayException when no trustworthy answer was obtained
     */
    default TradeCloseResult closeOrder(String orderId, @Nullable String channel) {
        return closeOrder(orderId);
    }

    /**
     * The order ids this provider accepts. {@code schedule()} refuses any other id at once, so it
     * fails before the order's transaction commits rather than at the provider much later.
     *
     * @return the rules; by default every id a timeout message can carry
     */
    default OrderIdRules orderIdRules() {
        return OrderIdRules.ANY;
    }
}
