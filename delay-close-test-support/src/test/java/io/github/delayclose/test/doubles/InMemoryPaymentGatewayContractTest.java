package io.github.delayclose.test.doubles;

import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.test.contract.PaymentGatewayContract;

/** The in-memory payment provider answers like a real one. */
class InMemoryPaymentGatewayContractTest extends PaymentGatewayContract {

    private final InMemoryPaymentGateway gateway = new InMemoryPaymentGateway();

    @Override
    protected PaymentGateway gateway() {
        return gateway;
    }

    @Override
    protected void givenUnpaidOrder(String orderId) {
        gateway.setTradeState(orderId, TradeState.NOTPAY);
    }

    @Override
    protected void givenPaidOrder(String orderId) {
        gateway.setTradeState(orderId, TradeState.SUCCESS);
    }

    @Override
    protected void givenClosedOrder(String orderId) {
        gateway.setTradeState(orderId, TradeState.CLOSED);
    }

    @Override
    protected void givenUnknownOrder(String orderId) {
        gateway.setTradeState(orderId, TradeState.NOT_FOUND);
    }

    @Override
    protected void givenProviderError(String orderId) {
        gateway.failNextCall(orderId, "SYSTEMERROR");
    }

    @Override
    protected PaymentGateway unreachableGateway() {
        InMemoryPaymentGateway unreachable = new InMemoryPaymentGateway();
        unreachable.becomeUnreachable("connect timed out");
        return unreachable;
    }
}
