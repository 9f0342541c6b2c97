package io.github.delayclose.wxpay.v3;

import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.test.contract.PaymentGatewayContract;
import io.github.delayclose.wxpay.v3.simulator.V3TradeState;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The WeChat Pay v3 gateway against the simulator, over HTTP, held to the SPI's contract. */
class WxPayV3PaymentGatewayContractTest extends PaymentGatewayContract {

    private static WxPayV3SimulatorServer server;

    private static PaymentGateway gateway;

    @BeforeAll
    static void startSimulator() {
        server = WxPayV3TestMerchants.startSimulator();
        gateway = new WxPayV3PaymentGateway(WxPayV3TestMerchants.settings(server.baseUrl()));
    }

    @AfterAll
    static void stopSimulator() {
        server.stop();
    }

    @Override
    protected PaymentGateway gateway() {
        return gateway;
    }

    @Override
    protected void givenUnpaidOrder(String orderId) {
        server.simulator().createOrder(orderId, 100);
    }

    @Override
    protected void givenPaidOrder(String orderId) {
        server.simulator().createOrder(orderId, 100);
        server.simulator().pay(orderId);
    }

    @Override
    protected void givenClosedOrder(String orderId) {
        server.simulator().setTradeState(orderId, V3TradeState.CLOSED);
    }

    @Override
    protected PaymentGateway unreachableGateway() {
        return new WxPayV3PaymentGateway(WxPayV3TestMerchants.settings(WxPayV3TestMerchants.unreachableBaseUrl()));
    }

    @Override
    protected void givenProviderError(String orderId) {
        server.simulator().failNextFor(orderId, 500, "SYSTEM_ERROR");
    }
}
