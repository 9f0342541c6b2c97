package io.github.delayclose.wxpay.v3.simulator;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.simulator.support.LoopbackServer;
import io.github.delayclose.simulator.support.OrderControls;

/**
 * Serves a {@link WxPayV3Simulator} on 127.0.0.1: the API below {@code /v3/} at {@link #baseUrl()}, in
 * place of {@code https://api.mch.weixin.qq.com}, and controls for demos (JSON answers):
 * <pre>
 * GET  /simulator/orders/{id}                 one order
 * POST /simulator/orders/{id}?total=100       an order waiting for payment
 * POST /simulator/orders/{id}/pay             the payer pays it
 * </pre>
 */
public final class WxPayV3SimulatorServer implements AutoCloseable {

    private final WxPayV3Simulator simulator;

    private final LoopbackServer server;

    private final OrderControls<V3Order> controls;

    private WxPayV3SimulatorServer(WxPayV3Simulator simulator, int port) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.controls = controls();
        this.server = LoopbackServer.start("wxpay-v3-simulator", port,
                Map.of("/v3/", simulator::handle, "/simulator/", controls::answer));
    }

    /**
     * Starts serving {@code simulator}.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static WxPayV3SimulatorServer start(WxPayV3Simulator simulator, int port) {
        return new WxPayV3SimulatorServer(simulator, port);
    }

    /** The simulator behind it. */
    public WxPayV3Simulator simulator() {
        return simulator;
    }

    /** The base URL to use instead of {@code https://api.mch.weixin.qq.com}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Stops serving at once. */
    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private OrderControls<V3Order> controls() {
        return new OrderControls<>("total", new OrderControls.Orders<>() {

            @Override
            public V3Order create(String orderId, long amountInFen) {
                return simulator.createOrder(orderId, amountInFen);
            }

            @Override
            public V3Order pay(String orderId) {
                return simulator.pay(orderId);
            }

            @Override
            public Optional<V3Order> find(String orderId) {
                return simulator.order(orderId);
            }

            @Override
            public Map<String, ?> describe(V3Order order) {
                return Map.of("out_trade_no", order.outTradeNo(),
                        "trade_state", order.state().name(), "total", order.total());
            }
        });
    }
}
