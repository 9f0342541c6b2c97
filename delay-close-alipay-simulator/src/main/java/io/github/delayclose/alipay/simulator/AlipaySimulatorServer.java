package io.github.delayclose.alipay.simulator;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.simulator.support.LoopbackServer;
import io.github.delayclose.simulator.support.OrderControls;

/**
 * Serves an {@link AlipaySimulator} on 127.0.0.1: the OpenAPI gateway at {@code /gateway.do}
 * ({@link #gatewayUrl()}), and controls for demos (JSON answers):
 * <pre>
 * GET  /simulator/orders/{id}                      one order
 * POST /simulator/orders/{id}?total_fen=100        a trade waiting for payment
 * POST /simulator/orders/{id}/pay                  the buyer pays it
 * </pre>
 */
public final class AlipaySimulatorServer implements AutoCloseable {

    private final AlipaySimulator simulator;

    private final LoopbackServer server;

    private final OrderControls<AlipayOrder> controls;

    private AlipaySimulatorServer(AlipaySimulator simulator, int port) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.controls = controls();
        this.server = LoopbackServer.start("alipay-simulator", port,
                Map.of("/gateway.do", simulator::handle, "/simulator/", controls::answer));
    }

    /**
     * Starts serving {@code simulator}.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static AlipaySimulatorServer start(AlipaySimulator simulator, int port) {
        return new AlipaySimulatorServer(simulator, port);
    }

    /** The simulator behind it. */
    public AlipaySimulator simulator() {
        return simulator;
    }

    /** The gateway URL to use instead of {@code https://openapi.alipay.com/gateway.do}. */
    public String gatewayUrl() {
        return server.baseUrl() + "/gateway.do";
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** Stops serving at once. */
    public void stop() {
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private OrderControls<AlipayOrder> controls() {
        return new OrderControls<>("total_fen", new OrderControls.Orders<>() {

            @Override
            public AlipayOrder create(String orderId, long amountInFen) {
                return simulator.createOrder(orderId, amountInFen);
            }

            @Override
            public AlipayOrder pay(String orderId) {
                return simulator.pay(orderId);
            }

            @Override
            public Optional<AlipayOrder> find(String orderId) {
                return simulator.order(orderId);
            }

            @Override
            public Map<String, ?> describe(AlipayOrder order) {
                return Map.of("out_trade_no", order.outTradeNo(),
                        "trade_no", order.tradeNo(), "trade_status", order.status().name(),
                        "total_amount", AlipaySimulator.yuan(order.totalFen()));
            }
        });
    }
}
