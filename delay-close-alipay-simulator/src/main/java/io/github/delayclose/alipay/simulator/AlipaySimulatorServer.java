package io.github.delayclose.alipay.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.delayclose.simulator.support.JsonText;
import io.github.delayclose.simulator.support.LoopbackServer;
import io.github.delayclose.simulator.support.SimulatedAnswer;
import io.github.delayclose.simulator.support.SimulatedCall;

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

    private AlipaySimulatorServer(AlipaySimulator simulator, int port) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.server = LoopbackServer.start("alipay-simulator", port,
                Map.of("/gateway.do", simulator::handle, "/simulator/", this::control));
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

    private SimulatedAnswer control(SimulatedCall call) {
        List<String> path = LoopbackServer.segmentsOf(call.path());
        boolean post = "POST".equals(call.method());
        if (path.size() < 3 || !"orders".equals(path.get(1))) {
            return SimulatedAnswer.json(404, Map.of(), "{\"error\":\"no such control\"}");
        }
        String id = path.get(2);
        AlipayOrder order;
        if (path.size() == 3 && post) {
            order = simulator.createOrder(id, Long.parseLong(LoopbackServer.queryOf(call.path()).getOrDefault("total_fen", "1")));
        }
        else if (path.size() == 4 && post && "pay".equals(path.get(3))) {
            order = simulator.pay(id);
        }
        else if (path.size() == 3) {
            order = simulator.order(id).orElse(null);
            if (order == null) {
                return SimulatedAnswer.json(404, Map.of(), "{\"error\":\"unknown order\"}");
            }
        }
        else {
            return SimulatedAnswer.json(404, Map.of(), "{\"error\":\"no such control\"}");
        }
        return SimulatedAnswer.json(200, Map.of(), JsonText.object(Map.of("out_trade_no", order.outTradeNo(),
                "trade_no", order.tradeNo(), "trade_status", order.status().name(),
                "total_amount", AlipaySimulator.yuan(order.totalFen()))));
    }
}
