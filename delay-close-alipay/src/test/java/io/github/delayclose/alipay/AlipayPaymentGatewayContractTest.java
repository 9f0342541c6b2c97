package io.github.delayclose.alipay;

import io.github.delayclose.alipay.simulator.AlipaySimulatorServer;
import io.github.delayclose.alipay.simulator.AlipayTradeStatus;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.test.contract.PaymentGatewayContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The Alipay gateway against the simulator, over HTTP, held to the SPI's contract. */
class AlipayPaymentGatewayContractTest extends PaymentGatewayContract {

    private static AlipaySimulatorServer server;

    private static PaymentGateway gateway;

    @BeforeAll
    static void startSimulator() {
        server = AlipayTestApps.startSimulator();
        gateway = new AlipayPaymentGateway(AlipayTestApps.settings(server.gatewayUrl()));
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
        server.simulator().setTradeStatus(orderId, AlipayTradeStatus.TRADE_CLOSED);
    }

    @Override
    protected PaymentGateway unreachableGateway() {
        return new AlipayPaymentGateway(AlipayTestApps.settings(AlipayTestApps.unreachableGatewayUrl()));
    }

    @Override
    protected void givenProviderError(String orderId) {
        server.simulator().failNextFor(orderId, "ACQ.SYSTEM_ERROR");
    }
}
