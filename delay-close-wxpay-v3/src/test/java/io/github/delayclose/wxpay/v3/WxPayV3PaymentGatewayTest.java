package io.github.delayclose.wxpay.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;

import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.simulator.support.TestKeyPair;
import io.github.delayclose.wxpay.v3.simulator.V3Order;
import io.github.delayclose.wxpay.v3.simulator.V3TradeState;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3Simulator;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the WeChat Pay v3 gateway believes, and what it refuses to. */
class WxPayV3PaymentGatewayTest {

    private static final String ORDER = "order0001";

    private static WxPayV3SimulatorServer server;

    private static WxPayV3Simulator wechat;

    private static WxPayV3PaymentGateway gateway;

    @BeforeAll
    static void startSimulator() {
        server = WxPayV3TestMerchants.startSimulator();
        wechat = server.simulator();
        gateway = new WxPayV3PaymentGateway(WxPayV3TestMerchants.settings(server.baseUrl()));
    }

    @AfterAll
    static void stopSimulator() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        wechat.reset();
    }

    @ParameterizedTest
    @EnumSource(V3TradeState.class)
    void everyTradeStateIsMapped(V3TradeState state) {
        wechat.setTradeState(ORDER, state);

        TradeReport answer = gateway.queryTrade(ORDER);

        assertThat(answer.state().name()).isEqualTo(state.name());
        assertThat(answer.payment().isPresent()).isEqualTo(state.isPaid());
    }

    @Test
    void aPaidAnswerCarriesTheTransactionItsTimeAndItsAmount() {
        wechat.createOrder(ORDER, 8888);
        V3Order paid = wechat.pay(ORDER);

        assertThat(gateway.queryTrade(ORDER).payment()).hasValueSatisfying(payment -> {
            assertThat(payment.transactionId()).isEqualTo(paid.transactionId());
            assertThat(payment.paidAt()).isEqualTo(paid.successTime());
            assertThat(payment.amount()).isEqualTo(8888L);
        });
    }

    @Test
    void anOrderWeChatDoesNotKnowIsNotFound() {
        assertThat(gateway.queryTrade(ORDER).state()).isEqualTo(TradeState.NOT_FOUND);
    }

    @Test
    void anUnsignedOrderNotExistIsNotBelieved() {
        wechat.unsignedNext();

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("without a valid WeChat Pay signature");
    }

    @Test
    void closeMapsNoContentAndTellsPaidFromClosedByAQuery() {
        wechat.createOrder("open0001", 100);
        wechat.setTradeState("paid0001", V3TradeState.SUCCESS);
        wechat.setTradeState("revoked01", V3TradeState.REVOKED);

        assertThat(gateway.closeOrder("open0001")).isEqualTo(TradeCloseResult.CLOSED);
        assertThat(gateway.closeOrder("paid0001")).isEqualTo(TradeCloseResult.ALREADY_PAID);
        assertThat(gateway.closeOrder("revoked01")).isEqualTo(TradeCloseResult.ALREADY_CLOSED);
        assertThat(wechat.order("open0001").orElseThrow().state()).isEqualTo(V3TradeState.CLOSED);
    }

    @Test
    void requestsAreSignedByTheMerchantAndNameIt() {
        wechat.createOrder(ORDER, 100);
        gateway.queryTrade(ORDER);
        gateway.closeOrder(ORDER);

        assertThat(wechat.calls()).hasSize(2);
        assertThat(wechat.calls().get(0).path()).isEqualTo("/v3/pay/transactions/out-trade-no/" + ORDER + "?mchid="
                + WxPayV3TestMerchants.MCH_ID);
        assertThat(wechat.calls().get(1).body()).contains("\"mchid\":\"" + WxPayV3TestMerchants.MCH_ID + "\"");
        assertThat(wechat.calls()).allSatisfy(call -> assertThat(call.header("Authorization"))
                .startsWith("WECHATPAY2-SHA256-RSA2048 ").contains("serial_no=\"" + WxPayV3TestMerchants.SERIAL + "\""));
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefusedByWeChatAndFails() {
        WxPayV3PaymentGateway wrongKey = new WxPayV3PaymentGateway(WxPayV3Settings.of(WxPayV3TestMerchants.APP_ID,
                WxPayV3TestMerchants.MCH_ID, WxPayV3TestMerchants.SERIAL, TestKeyPair.generate().privateKeyPem(),
                WxPayV3TestMerchants.API_V3_KEY, WxPayV3TestMerchants.PUBLIC_KEY_ID,
                WxPayV3TestMerchants.WECHAT_PAY_KEYS.publicKeyPem()).withBaseUrl(server.baseUrl()));

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> wrongKey.queryTrade(ORDER))
                .withMessageContaining("401").withMessageContaining("SIGN_ERROR");
    }

    @Test
    void systemErrorFailsQueryAndCloseAndChangesNothing() {
        wechat.createOrder(ORDER, 100);
        wechat.failNextFor(ORDER, 500, "SYSTEM_ERROR");
        wechat.failNextFor(ORDER, 500, "SYSTEM_ERROR");

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("SYSTEM_ERROR");
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.closeOrder(ORDER));
        assertThat(wechat.order(ORDER).orElseThrow().state()).isEqualTo(V3TradeState.NOTPAY);
    }

    @Test
    void aBadSignatureFailsEvenWhenTheAnswerLooksGood() {
        wechat.setTradeState(ORDER, V3TradeState.SUCCESS);
        wechat.badSignatureNext();

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("does not verify");
    }

    @Test
    void aMissingSignatureFails() {
        wechat.setTradeState(ORDER, V3TradeState.SUCCESS);
        wechat.unsignedNext();

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER));
    }

    @Test
    void aReplayedAnswerFails() {
        wechat.setTradeState(ORDER, V3TradeState.SUCCESS);
        wechat.staleNext();

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER));
    }

    @Test
    void aSignedAnswerForAnotherMerchantAppOrOrderFails() {
        String paid = "{\"appid\":\"%s\",\"mchid\":\"%s\",\"out_trade_no\":\"%s\",\"transaction_id\":\"4200000001\","
                + "\"trade_state\":\"SUCCESS\",\"success_time\":\"2026-12-02T16:00:00+08:00\",\"amount\":{\"total\":1}}";
        wechat.respondNext(paid.formatted(WxPayV3TestMerchants.APP_ID, "1900000002", ORDER));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("mchid 1900000002");
        wechat.respondNext(paid.formatted("wx0000000000000002", WxPayV3TestMerchants.MCH_ID, ORDER));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("appid wx0000000000000002");
        wechat.respondNext(paid.formatted(WxPayV3TestMerchants.APP_ID, WxPayV3TestMerchants.MCH_ID, "other0001"));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("about order other0001");
    }

    @Test
    void anUnknownTradeStateOrAPaidAnswerWithoutItsTransactionFails() {
        wechat.respondNext("{\"appid\":\"" + WxPayV3TestMerchants.APP_ID + "\",\"mchid\":\"" + WxPayV3TestMerchants.MCH_ID
                + "\",\"out_trade_no\":\"" + ORDER + "\",\"trade_state\":\"FROZEN\",\"amount\":{\"total\":1}}");
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("trade_state");
        wechat.respondNext("{\"appid\":\"" + WxPayV3TestMerchants.APP_ID + "\",\"mchid\":\"" + WxPayV3TestMerchants.MCH_ID
                + "\",\"out_trade_no\":\"" + ORDER + "\",\"trade_state\":\"SUCCESS\",\"amount\":{\"total\":1}}");
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("transaction_id");
    }

    @Test
    void malformedAnswersFail() {
        wechat.respondNext("{\"appid\":");
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER));
    }

    @Test
    void httpErrorsAndUnreachableProvidersFail() {
        wechat.httpStatusNext(502);
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("502");
        WxPayV3PaymentGateway unreachable = new WxPayV3PaymentGateway(
                WxPayV3TestMerchants.settings(WxPayV3TestMerchants.unreachableBaseUrl()));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> unreachable.closeOrder(ORDER));
    }

    @Test
    void aSlowAnswerFailsAtTheCallDeadline() {
        WxPayV3PaymentGateway impatient = new WxPayV3PaymentGateway(
                WxPayV3TestMerchants.settings(server.baseUrl()).withCallTimeout(Duration.ofMillis(300)));
        wechat.createOrder(ORDER, 100);
        wechat.delayNext(Duration.ofSeconds(5));

        long started = System.nanoTime();
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> impatient.queryTrade(ORDER))
                .withMessageContaining("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anOversizedAnswerFails() {
        wechat.respondNext("{\"pad\":\"" + "x".repeat(100_000) + "\"}");

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER))
                .withMessageContaining("larger than");
    }

    @Test
    void orderIdsWeChatWouldRefuseAreNotSent() {
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("a.b.c.d"));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.closeOrder("short"));
        assertThat(wechat.calls()).isEmpty();
        assertThat(gateway.channel()).isEqualTo("wxpay");
    }

    @Test
    void secretsNeverAppear() {
        String privateKey = WxPayV3TestMerchants.MERCHANT_KEYS.privateKeyBase64().substring(0, 40);
        assertThat(gateway.toString()).doesNotContain(privateKey).doesNotContain(WxPayV3TestMerchants.API_V3_KEY);
    }
}
