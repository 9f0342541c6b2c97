package io.github.delayclose.test.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.delayclose.core.gateway.RoutingPaymentGateway;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.test.contract.PaymentGatewayContract;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;

/**
 * A routing gateway asked about orders of unknown channel answers like one provider: the order is
 * known to one of two providers (WeChat Pay here) and unknown to the other.
 */
class RoutingPaymentGatewayContractTest extends PaymentGatewayContract {

    private final InMemoryPaymentGateway wxpay = new InMemoryPaymentGateway();

    private final InMemoryPaymentGateway alipay = new InMemoryPaymentGateway();

    private final PaymentGateway routing = routing(wxpay, alipay);

    private static PaymentGateway routing(PaymentGateway wxpay, PaymentGateway alipay) {
        Map<String, PaymentGateway> byChannel = new LinkedHashMap<>();
        byChannel.put("wxpay", wxpay);
        byChannel.put("alipay", alipay);
        return new RoutingPaymentGateway(byChannel);
    }

    @Override
    protected PaymentGateway gateway() {
        return routing;
    }

    private void onWeChatOnly(String orderId, TradeState state) {
        wxpay.setTradeState(orderId, state);
        alipay.setTradeState(orderId, TradeState.NOT_FOUND);
    }

    @Override
    protected void givenUnpaidOrder(String orderId) {
        onWeChatOnly(orderId, TradeState.NOTPAY);
    }

    @Override
    protected void givenPaidOrder(String orderId) {
        onWeChatOnly(orderId, TradeState.SUCCESS);
    }

    @Override
    protected void givenClosedOrder(String orderId) {
        onWeChatOnly(orderId, TradeState.CLOSED);
    }

    @Override
    protected void givenUnknownOrder(String orderId) {
        onWeChatOnly(orderId, TradeState.NOT_FOUND);
    }

    @Override
    protected void givenProviderError(String orderId) {
        wxpay.failNextCall(orderId, "SYSTEMERROR");
    }

    @Override
    protected PaymentGateway unreachableGateway() {
        InMemoryPaymentGateway down = new InMemoryPaymentGateway();
        down.becomeUnreachable("connect timed out");
        InMemoryPaymentGateway alsoDown = new InMemoryPaymentGateway();
        alsoDown.becomeUnreachable("connect timed out");
        return routing(down, alsoDown);
    }
}
