package io.github.delayclose.sample.simulator;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.sample.shop.OrderView;
import io.github.delayclose.sample.shop.ShopQueries;
import io.github.delayclose.sample.web.ApiException;
import io.github.delayclose.wxpay.simulator.NotificationDelivery;
import io.github.delayclose.wxpay.simulator.SimulatedOrder;
import io.github.delayclose.wxpay.simulator.SimulatedTradeState;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;

/**
 * What the demo user can make the simulated WeChat Pay do: a payer pays (and WeChat notifies the
 * shop, or the notification is lost), a payer is still entering the password, WeChat has a hiccup.
 */
public class WxPaySimulatorControls {

    private final WxPaySimulator simulator;

    private final WxPaySimulatorProperties properties;

    private final Environment environment;

    private final ShopQueries queries;

    WxPaySimulatorControls(WxPaySimulator simulator, WxPaySimulatorProperties properties, Environment environment,
            ShopQueries queries) {
        this.simulator = simulator;
        this.properties = properties;
        this.environment = environment;
        this.queries = queries;
    }

    /** Where the simulator sends payment notifications: this shop's notify endpoint unless configured. */
    public URI notifyUrl() {
        String configured = properties.notifyUrl();
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured);
        }
        // Known only once the web server is up (server.port=0 picks a free port).
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String contextPath = environment.getProperty("server.servlet.context-path", "");
        return URI.create("http://127.0.0.1:" + port + contextPath + "/api/wxpay/notify");
    }

    /** The trades WeChat Pay knows, newest first. */
    public List<Trade> trades() {
        List<Trade> trades = new ArrayList<>(simulator.orders().stream().map(Trade::of).toList());
        Collections.reverse(trades);
        return trades;
    }

    /**
     * The payer pays the order. With {@code notify}, WeChat then notifies the shop, as it normally
     * does; without, the notification is lost and only the close at the end of the window finds out.
     */
    public PayResult pay(String orderId, boolean notify) {
        SimulatedOrder paid = callSimulator(() -> simulator.pay(orderId));
        return new PayResult(Trade.of(paid), notify ? deliver(orderId) : null);
    }

    /** The payer opened the payment and is entering the password: WeChat answers USERPAYING until then. */
    public Trade userPaying(String orderId) {
        SimulatedOrder order = existing(orderId);
        if (order.tradeState() != SimulatedTradeState.NOTPAY && order.tradeState() != SimulatedTradeState.USERPAYING) {
            throw ApiException.conflict("order " + orderId + " is " + order.tradeState() + " at WeChat Pay, not NOTPAY");
        }
        return Trade.of(simulator.setTradeState(orderId, SimulatedTradeState.USERPAYING));
    }

    /**
     * A payment that raced the close and lost: WeChat took the money of an order the shop has closed
     * and notifies the shop. The order must stay closed, and the shop hears of a late payment.
     */
    public PayResult latePayment(String orderId) {
        OrderView order = queries.order(orderId).orElseThrow(() -> ApiException.notFound("no order " + orderId));
        if (order.status() != OrderStatus.CLOSED) {
            throw ApiException.conflict("order " + orderId + " is " + order.status()
                    + ": a late payment is one for a closed order");
        }
        existing(orderId);
        SimulatedOrder paid = simulator.setTradeState(orderId, SimulatedTradeState.SUCCESS);
        return new PayResult(Trade.of(paid), deliver(orderId));
    }

    /**
     * WeChat answers {@code SYSTEMERROR} to the order's next {@code attempts} calls: every attempt of its
     * close fails, so delay-close parks it as PROVIDER_ERROR. The faults are used up then, so a replay
     * finds WeChat Pay well again.
     */
    public Trade failUntilParked(String orderId, int attempts) {
        SimulatedOrder order = existing(orderId);
        simulator.failNextFor(orderId, attempts, "SYSTEMERROR");
        return Trade.of(order);
    }

    /** WeChat's next answer, whatever the call, is {@code SYSTEMERROR}: delay-close retries with backoff. */
    public void systemErrorNext() {
        simulator.failNext(1, "SYSTEMERROR");
    }

    private Notification deliver(String orderId) {
        URI url = notifyUrl();
        NotificationDelivery delivery = callSimulator(() -> simulator.sendNotification(orderId, url));
        return new Notification(url.toString(), delivery.status(), delivery.acknowledged(), delivery.body());
    }

    private SimulatedOrder existing(String orderId) {
        return simulator.order(orderId)
                .orElseThrow(() -> ApiException.notFound("WeChat Pay (simulated) has no order " + orderId));
    }

    /** Runs a simulator call, turning its exceptions into API answers. */
    private static <T> T callSimulator(Supplier<T> call) {
        try {
            return call.get();
        }
        catch (IllegalArgumentException ex) {
            throw ApiException.notFound("WeChat Pay (simulated): " + ex.getMessage());
        }
        catch (IllegalStateException ex) {
            throw ApiException.conflict("WeChat Pay (simulated): " + ex.getMessage());
        }
        catch (UncheckedIOException ex) {
            throw new ApiException(HttpStatus.BAD_GATEWAY, ex.getMessage());
        }
    }

    /**
     * An order as WeChat Pay (simulated) sees it.
     *
     * @param orderId {@code out_trade_no}
     * @param tradeState {@code trade_state}
     * @param transactionId present once paid
     */
    public record Trade(String orderId, SimulatedTradeState tradeState, @Nullable String transactionId) {

        static Trade of(SimulatedOrder order) {
            return new Trade(order.outTradeNo(), order.tradeState(), order.transactionId().orElse(null));
        }
    }

    /**
     * What paying did.
     *
     * @param trade the trade afterwards
     * @param notification how the shop answered the notification; {@code null} when none was sent
     */
    public record PayResult(Trade trade, @Nullable Notification notification) {
    }

    /**
     * A notification sent to the shop.
     *
     * @param url where it went
     * @param status the shop's HTTP status
     * @param acknowledged whether the shop answered SUCCESS (WeChat stops resending)
     * @param reply the shop's XML reply
     */
    public record Notification(String url, int status, boolean acknowledged, String reply) {
    }
}
