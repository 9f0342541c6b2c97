package io.github.delayclose.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Map;

import io.github.delayclose.alipay.simulator.AlipaySimulator;
import io.github.delayclose.alipay.simulator.AlipaySimulatorServer;
import io.github.delayclose.alipay.simulator.AlipayTradeStatus;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.simulator.support.LoopbackServer;
import io.github.delayclose.simulator.support.TestKeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the Alipay gateway believes, and what it refuses to. */
class AlipayPaymentGatewayTest {

    private static AlipaySimulatorServer server;

    private static AlipaySimulator alipay;

    private static AlipayPaymentGateway gateway;

    @BeforeAll
    static void startSimulator() {
        server = AlipayTestApps.startSimulator();
        alipay = server.simulator();
        gateway = new AlipayPaymentGateway(AlipayTestApps.settings(server.gatewayUrl()));
    }

    @AfterAll
    static void stopSimulator() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        alipay.reset();
    }

    @ParameterizedTest
    @CsvSource({ "WAIT_BUYER_PAY, NOTPAY", "TRADE_SUCCESS, SUCCESS", "TRADE_FINISHED, SUCCESS", "TRADE_CLOSED, CLOSED" })
    void everyTradeStatusIsMapped(AlipayTradeStatus status, TradeState expected) {
        alipay.createOrder("o1", 100);
        alipay.setTradeStatus("o1", status);

        TradeReport answer = gateway.queryTrade("o1");

        assertThat(answer.state()).isEqualTo(expected);
        assertThat(answer.payment().isPresent()).isEqualTo(expected.isPaid());
    }

    @Test
    void aPaidAnswerCarriesTheTradeNoTheChinaTimeOfPaymentAndTheAmountInFen() {
        alipay.createOrder("o1", 8888);
        var paid = alipay.pay("o1");

        TradeReport answer = gateway.queryTrade("o1");

        assertThat(answer.payment()).hasValueSatisfying(payment -> {
            assertThat(payment.transactionId()).isEqualTo(paid.tradeNo());
            assertThat(payment.amount()).isEqualTo(8888L);
            assertThat(payment.paidAt()).isEqualTo(paid.paidAt());
        });
    }

    @Test
    void aTradeClosedAfterAFullRefundWasPaid() {
        alipay.createOrder("o1", 100);
        alipay.pay("o1");
        alipay.setTradeStatus("o1", AlipayTradeStatus.TRADE_CLOSED);

        TradeReport answer = gateway.queryTrade("o1");

        assertThat(answer.state()).isEqualTo(TradeState.REFUND);
        assertThat(answer.payment()).isPresent();
    }

    @Test
    void closingATradeAlipayDoesNotKnowLeavesNothingToClose() {
        assertThat(gateway.closeOrder("neverScanned")).isEqualTo(TradeCloseResult.ALREADY_CLOSED);
    }

    @Test
    void systemErrorFailsQueryAndCloseAndChangesNothing() {
        alipay.createOrder("o1", 100);
        alipay.failNextFor("o1", "ACQ.SYSTEM_ERROR");
        alipay.failNextFor("o1", "ACQ.SYSTEM_ERROR");

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("ACQ.SYSTEM_ERROR");
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.closeOrder("o1"));
        assertThat(alipay.order("o1").orElseThrow().status()).isEqualTo(AlipayTradeStatus.WAIT_BUYER_PAY);
    }

    @Test
    void otherBusinessErrorsFail() {
        alipay.failNext(1, "ACQ.INVALID_PARAMETER");

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("ACQ.INVALID_PARAMETER");
    }

    @Test
    void requestsAreSignedFormsOfOurApp() {
        alipay.createOrder("o1", 100);
        gateway.queryTrade("o1");
        gateway.closeOrder("o1");

        assertThat(alipay.calls()).hasSize(2).allSatisfy(call -> {
            Map<String, String> fields = LoopbackServer.formFields(call.body());
            assertThat(fields).containsEntry("app_id", AlipayTestApps.APP_ID).containsEntry("sign_type", "RSA2")
                    .containsEntry("charset", "utf-8").containsEntry("biz_content", "{\"out_trade_no\":\"o1\"}");
            assertThat(AlipayTestApps.APP_KEYS.verifies(AlipaySimulator.requestContent(fields), fields.get("sign")))
                    .as("signed with the app's private key").isTrue();
        });
        assertThat(alipay.calls()).extracting(call -> LoopbackServer.formFields(call.body()).get("method"))
                .containsExactly("alipay.trade.query", "alipay.trade.close");
    }

    @Test
    void aRequestSignedWithAnotherKeyIsRefusedByAlipayAndFails() {
        AlipayPaymentGateway wrongKey = new AlipayPaymentGateway(AlipaySettings.of(AlipayTestApps.APP_ID,
                TestKeyPair.generate().privateKeyBase64(), AlipayTestApps.ALIPAY_KEYS.publicKeyBase64())
                .withGatewayUrl(server.gatewayUrl()));

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> wrongKey.queryTrade("o1"))
                .withMessageContaining("isv.invalid-signature");
    }

    @Test
    void aBadSignatureFailsEvenWhenTheAnswerLooksGood() {
        alipay.createOrder("o1", 100);
        alipay.pay("o1");
        alipay.badSignatureNext();

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("does not verify");
    }

    @Test
    void anUnsignedAnswerFails() {
        alipay.createOrder("o1", 100);
        alipay.pay("o1");
        alipay.unsignedNext();

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("not signed");
    }

    @Test
    void anAnswerFromAnotherAppsAlipayFails() {
        try (AlipaySimulatorServer otherApp = AlipaySimulatorServer.start(new AlipaySimulator(AlipayTestApps.APP_ID,
                AlipayTestApps.APP_KEYS.publicKey(), TestKeyPair.generate()), 0)) {
            otherApp.simulator().createOrder("o1", 100);
            otherApp.simulator().pay("o1");
            AlipayPaymentGateway pointedElsewhere = new AlipayPaymentGateway(AlipayTestApps.settings(otherApp.gatewayUrl()));

            assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> pointedElsewhere.queryTrade("o1"))
                    .withMessageContaining("does not verify");
        }
    }

    @Test
    void aSignedAnswerAboutAnotherOrderFails() {
        alipay.respondNext(signedQueryAnswer("{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120222001\","
                + "\"out_trade_no\":\"other\",\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"1.00\"}"));

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("about order other");
    }

    @Test
    void anUnknownTradeStatusFails() {
        alipay.respondNext(signedQueryAnswer("{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120222001\","
                + "\"out_trade_no\":\"o1\",\"trade_status\":\"TRADE_PENDING\",\"total_amount\":\"1.00\"}"));

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("unknown trade_status TRADE_PENDING");
    }

    @Test
    void aPaidAnswerWithABadAmountOrWithoutTradeNoFails() {
        alipay.respondNext(signedQueryAnswer("{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"2026120222001\","
                + "\"out_trade_no\":\"o1\",\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"1.005\"}"));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("total_amount");

        alipay.respondNext(signedQueryAnswer("{\"code\":\"10000\",\"msg\":\"Success\",\"out_trade_no\":\"o1\","
                + "\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"1.00\"}"));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("no trade_no");
    }

    @Test
    void aSecondResponseMemberIsNotReadInsteadOfTheSignedOne() {
        String signed = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"1\",\"out_trade_no\":\"o1\","
                + "\"trade_status\":\"WAIT_BUYER_PAY\",\"total_amount\":\"1.00\"}";
        String forged = "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\"1\",\"out_trade_no\":\"o1\","
                + "\"trade_status\":\"TRADE_SUCCESS\",\"total_amount\":\"1.00\"}";
        alipay.respondNext("{\"alipay_trade_query_response\":" + signed + ",\"sign\":\""
                + AlipayTestApps.ALIPAY_KEYS.sign(signed) + "\",\"alipay_trade_query_response\":" + forged + "}");

        assertThat(gateway.queryTrade("o1").state()).isEqualTo(TradeState.NOTPAY);
    }

    @Test
    void malformedAnswersFail() {
        alipay.respondNext("{\"alipay_trade_query_response\":{\"code\":\"10000\"");
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"));
        alipay.respondNext("<html>maintenance</html>");
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"));
    }

    @Test
    void httpErrorsAndUnreachableProvidersFail() {
        alipay.httpStatusNext(502);
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"))
                .withMessageContaining("502");
        AlipayPaymentGateway unreachable = new AlipayPaymentGateway(
                AlipayTestApps.settings(AlipayTestApps.unreachableGatewayUrl()));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> unreachable.closeOrder("o1"));
    }

    @Test
    void aSlowAnswerFailsAtTheCallDeadline() {
        AlipayPaymentGateway impatient = new AlipayPaymentGateway(
                AlipayTestApps.settings(server.gatewayUrl()).withCallTimeout(Duration.ofMillis(300)));
        alipay.createOrder("o1", 100);
        alipay.delayNext(Duration.ofSeconds(5));

        long started = System.nanoTime();
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> impatient.queryTrade("o1"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anOversizedAnswerFails() {
        alipay.respondNext("{\"alipay_trade_query_response\":{\"code\":\"10000\",\"pad\":\"" + "x".repeat(100_000)
                + "\"},\"sign\":\"x\"}");

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("o1"));
    }

    @Test
    void orderIdsAlipayWouldRefuseAreNotSent() {
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("a-b"))
                .withMessageContaining("out_trade_no");
        assertThat(alipay.calls()).isEmpty();
        assertThat(gateway.orderIdRules().accepts("A_1")).isTrue();
        assertThat(gateway.orderIdRules().accepts("x".repeat(65))).isFalse();
        assertThat(gateway.channel()).isEqualTo("alipay");
    }

    @Test
    void thePrivateKeyNeverAppears() {
        String privateKey = AlipayTestApps.APP_KEYS.privateKeyBase64();
        assertThat(gateway.toString()).doesNotContain(privateKey.substring(0, 40));
        assertThat(AlipayTestApps.settings(server.gatewayUrl()).toString()).doesNotContain(privateKey.substring(0, 40));
    }

    private static String signedQueryAnswer(String response) {
        return "{\"alipay_trade_query_response\":" + response + ",\"sign\":\""
                + AlipayTestApps.ALIPAY_KEYS.sign(response) + "\"}";
    }
}
