package io.github.delayclose.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.sample.simulator.AlipayDemo;
import io.github.delayclose.wxpay.simulator.SimulatedTradeState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shop takes WeChat Pay and Alipay (demo.alipay.enabled): each order is closed on the channel it
 * was paid through, and an order whose channel was never chosen is checked on both.
 */
class AlipayChannelIT extends SampleAppIntegrationTest {

    @Autowired
    AlipayDemo alipay;

    @Test
    void anAlipayOrderIsCheckedAndClosedAtAlipayOnly() {
        String sku = newSku(10, 1_000);
        String paid = createOrder(sku, 1, "alipay");
        String unpaid = createOrder(sku, 2, "alipay");
        Response payment = post("/api/demo/orders/" + paid + "/channel-pay", "");
        assertThat(payment.status()).as(payment.body()).isEqualTo(200);

        // No notification: the close at the deadline finds the payment at Alipay.
        awaitStatus(paid, "PAID");
        awaitStatus(unpaid, "CLOSED");

        assertThat(order(paid).get("channel").asString()).isEqualTo("alipay");
        assertThat(order(paid).get("transactionId").asString()).isNotBlank();
        assertThat(alipay.tradeState(unpaid)).isEqualTo("TRADE_CLOSED");
        assertThat(stock(sku)).isEqualTo(10 - 1);
        for (String orderId : new String[] { paid, unpaid }) {
            assertThat(simulator().order(orderId)).as("WeChat Pay never heard of " + orderId).isEmpty();
            assertThat(simulator().requests("orderquery", orderId)).isEmpty();
            assertThat(alipay.callsAbout(orderId)).isPositive();
        }
    }

    @Test
    void anOrderWithoutAChannelIsCheckedOnBothAndClosedWhereItIsKnown() {
        String sku = newSku(5, 2_000);
        String undecided = createOrder(sku, 1);

        awaitStatus(undecided, "CLOSED");

        assertThat(order(undecided).get("channel").isNull()).isTrue();
        assertThat(simulator().order(undecided).orElseThrow().tradeState()).isEqualTo(SimulatedTradeState.CLOSED);
        assertThat(alipay.tradeState(undecided)).as("Alipay does not know it").isEmpty();
        assertThat(alipay.callsAbout(undecided)).as("but was asked").isPositive();
        assertThat(stock(sku)).isEqualTo(5);
    }

    @Test
    void aChannelTheShopDoesNotTakeIsRefused() {
        String sku = newSku(5, 2_000);
        long before = orderCount();

        Response refused = post("/api/orders", "{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":1}],\"channel\":\"unionpay\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("unionpay");
        assertThat(orderCount()).isEqualTo(before);
    }

    private String createOrder(String sku, int num, String channel) {
        Response created = post("/api/orders", "{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":" + num + "}],\"channel\":\""
                + channel + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
