package io.github.delayclose.sample.simulator;

import java.time.Duration;
import java.util.UUID;

import io.github.delayclose.simulator.support.TestKeyPair;
import io.github.delayclose.wxpay.v3.WxPayV3PaymentGateway;
import io.github.delayclose.wxpay.v3.WxPayV3Settings;
import io.github.delayclose.wxpay.v3.simulator.V3Merchant;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3Simulator;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3SimulatorServer;

/**
 * The demo's WeChat Pay v3: a simulator on 127.0.0.1 with key pairs made at start-up (no key is
 * stored anywhere), and the gateway delay-close uses to talk to it.
 */
public final class WxPayV3Demo implements DemoChannel, AutoCloseable {

    private static final String MCH_ID = "1900000109";

    private static final String APP_ID = "wxd930ea5d5a258f4f";

    private static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

    private static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092025010100000000000001";

    private final WxPayV3SimulatorServer server;

    private final WxPayV3PaymentGateway gateway;

    WxPayV3Demo(int port) {
        TestKeyPair merchant = TestKeyPair.generate();
        TestKeyPair wechatPay = TestKeyPair.generate();
        // Made up here, as the keys are; a real API v3 key comes from the merchant platform.
        String apiV3Key = UUID.randomUUID().toString().replace("-", "");
        this.server = WxPayV3SimulatorServer.start(new WxPayV3Simulator(
                new V3Merchant(MCH_ID, APP_ID, SERIAL, merchant.publicKey(), apiV3Key), wechatPay, PUBLIC_KEY_ID), port);
        this.gateway = new WxPayV3PaymentGateway(new WxPayV3Settings(APP_ID, MCH_ID, SERIAL, merchant.privateKeyPem(),
                apiV3Key, PUBLIC_KEY_ID, wechatPay.publicKeyPem(), null, server.baseUrl(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), null));
    }

    /** The gateway delay-close checks WeChat Pay orders with. */
    public WxPayV3PaymentGateway gateway() {
        return gateway;
    }

    @Override
    public String channel() {
        return gateway.channel();
    }

    @Override
    public String label() {
        return "WeChat Pay v3";
    }

    @Override
    public String url() {
        return server.baseUrl();
    }

    @Override
    public void open(String orderId, long totalFen) {
        server.simulator().createOrder(orderId, totalFen);
    }

    @Override
    public String pay(String orderId) {
        if (server.simulator().order(orderId).isEmpty()) {
            throw new IllegalArgumentException("WeChat Pay does not know order " + orderId);
        }
        return server.simulator().pay(orderId).state().name();
    }

    @Override
    public String tradeState(String orderId) {
        return server.simulator().order(orderId).map(order -> order.state().name()).orElse("");
    }

    @Override
    public void close() {
        server.stop();
    }
}
