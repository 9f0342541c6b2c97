package io.github.delayclose.sample.simulator;

import java.time.Duration;

import io.github.delayclose.alipay.AlipayPaymentGateway;
import io.github.delayclose.alipay.AlipaySettings;
import io.github.delayclose.alipay.simulator.AlipaySimulator;
import io.github.delayclose.alipay.simulator.AlipaySimulatorServer;
import io.github.delayclose.simulator.support.TestKeyPair;

/**
 * The demo's Alipay: a simulator on 127.0.0.1 with key pairs made at start-up (no key is stored
 * anywhere), and the gateway delay-close uses to talk to it.
 */
public final class AlipayDemo implements DemoChannel, AutoCloseable {

    static final String APP_ID = "2021000000000000";

    private final AlipaySimulatorServer server;

    private final AlipayPaymentGateway gateway;

    AlipayDemo(int port) {
        TestKeyPair app = TestKeyPair.generate();
        TestKeyPair alipay = TestKeyPair.generate();
        this.server = AlipaySimulatorServer.start(new AlipaySimulator(APP_ID, app.publicKey(), alipay), port);
        this.gateway = new AlipayPaymentGateway(new AlipaySettings(APP_ID, app.privateKeyBase64(), alipay.publicKeyBase64(),
                server.gatewayUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5), null));
    }

    /** The gateway delay-close checks Alipay orders with. */
    public AlipayPaymentGateway gateway() {
        return gateway;
    }

    @Override
    public String channel() {
        return gateway.channel();
    }

    @Override
    public String label() {
        return "Alipay";
    }

    /** Where the simulated Alipay listens. */
    @Override
    public String url() {
        return server.gatewayUrl();
    }

    /** The payer scanned the order's code: Alipay knows the trade, waiting for payment. */
    @Override
    public void open(String orderId, long totalFen) {
        server.simulator().createOrder(orderId, totalFen);
    }

    /**
     * The payer pays, and no notification reaches the shop: delay-close finds the payment when the
     * order's window ends and records it.
     *
     * @return the trade's status afterwards
     */
    @Override
    public String pay(String orderId) {
        if (server.simulator().order(orderId).isEmpty()) {
            throw new IllegalArgumentException("Alipay does not know order " + orderId);
        }
        return server.simulator().pay(orderId).status().name();
    }

    /** The order's trade status at Alipay, if Alipay knows it. */
    @Override
    public String tradeState(String orderId) {
        return server.simulator().order(orderId).map(order -> order.status().name()).orElse("");
    }

    /** How many calls about the order the simulated Alipay received. */
    public long callsAbout(String orderId) {
        String bizContent = "biz_content=" + java.net.URLEncoder.encode("{\"out_trade_no\":\"" + orderId + "\"}",
                java.nio.charset.StandardCharsets.UTF_8);
        return server.simulator().calls().stream().filter(call -> call.body().contains(bizContent)).count();
    }

    @Override
    public void close() {
        server.stop();
    }
}
