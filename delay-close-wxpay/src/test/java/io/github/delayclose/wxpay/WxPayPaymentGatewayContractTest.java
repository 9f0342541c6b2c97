package io.github.delayclose.wxpay;

import io.github.delayclose.wxpay.protocol.WxPaySignType;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.test.contract.PaymentGatewayContract;
import io.github.delayclose.wxpay.simulator.SimulatedTradeState;
import io.github.delayclose.wxpay.simulator.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The WeChat Pay gateway against the simulator, over HTTP, held to the SPI's contract. */
class WxPayPaymentGatewayContractTest extends PaymentGatewayContract {

    private static SimulatorServer server;

    private static PaymentGateway gateway;

    @BeforeAll
    static void startSimulator() {
        server = SimulatorServer.start(WxPayTestAccounts.simulatorAccount(WxPaySignType.MD5));
        gateway = new WxPayPaymentGateway(WxPayTestAccounts.settings(server.baseUrl()));
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
        server.simulator().setTradeState(orderId, SimulatedTradeState.CLOSED);
    }

    @Override
    protected PaymentGateway unreachableGateway() {
        return new WxPayPaymentGateway(WxPayTestAccounts.settings(WxPayTestAccounts.unreachableBaseUrl()));
    }

    @Override
    protected void givenProviderError(String orderId) {
        server.simulator().failNextFor(orderId, 1, "SYSTEMERROR");
    }
}
