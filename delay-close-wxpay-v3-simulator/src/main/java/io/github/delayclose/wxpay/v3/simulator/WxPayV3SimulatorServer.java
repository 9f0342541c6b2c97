package io.github.delayclose.wxpay.v3.simulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.delayclose.simulator.support.JsonText;
import io.github.delayclose.simulator.support.LoopbackServer;
import io.github.delayclose.simulator.support.SimulatedAnswer;
import io.github.delayclose.simulator.support.SimulatedCall;

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

    private WxPayV3SimulatorServer(WxPayV3Simulator simulator, int port) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        this.server = LoopbackServer.start("wxpay-v3-simulator", port,
                Map.of("/v3/", simulator::handle, "/simulator/", this::control));
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

    private SimulatedAnswer control(SimulatedCall call) {
        List<String> path = LoopbackServer.segmentsOf(call.path());
        boolean post = "POST".equals(call.method());
        if (path.size() < 3 || !"orders".equals(path.get(1))) {
            return SimulatedAnswer.json(404, Map.of(), "{\"error\":\"no such control\"}");
        }
        String id = path.get(2);
        V3Order order;
        if (path.size() == 3 && post) {
            order = simulator.createOrder(id, Long.parseLong(LoopbackServer.queryOf(call.path()).getOrDefault("total", "1")));
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
                "trade_state", order.state().name(), "total", order.total())));
    }
}
