package io.github.delayclose.wxpay;

import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import static io.github.delayclose.wxpay.WxPayTestAccounts.API_KEY;
import static io.github.delayclose.wxpay.WxPayTestAccounts.APP_ID;
import static io.github.delayclose.wxpay.WxPayTestAccounts.MCH_ID;
import static io.github.delayclose.wxpay.WxPayTestAccounts.everythingIn;
import static io.github.delayclose.wxpay.WxPayTestAccounts.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.wxpay.sdk.WXPayConstants;
import com.github.wxpay.sdk.WXPayUtil;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.wxpay.simulator.RecordedRequest;
import io.github.delayclose.wxpay.simulator.SimulatedOrder;
import io.github.delayclose.wxpay.simulator.SimulatedTradeState;
import io.github.delayclose.wxpay.simulator.SimulatorServer;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The WeChat Pay gateway against the simulator over HTTP: mapping, failures, hostile answers. */
class WxPayPaymentGatewayTest {

    private static SimulatorServer server;

    private static WxPaySimulator simulator;

    private static WxPayPaymentGateway gateway;

    private final List<Throwable> failures = new ArrayList<>();

    @BeforeAll
    static void startSimulator() {
        server = SimulatorServer.start(WxPayTestAccounts.simulatorAccount(WxPaySignType.MD5));
        simulator = server.simulator();
        gateway = new WxPayPaymentGateway(WxPayTestAccounts.settings(server.baseUrl()));
    }

    @AfterAll
    static void stopSimulator() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        simulator.reset();
    }

    // ---------------------------------------------------------------- mapping

    @ParameterizedTest
    @EnumSource(SimulatedTradeState.class)
    void everyTradeStateIsMapped(SimulatedTradeState wechatState) {
        String orderId = orderId();
        SimulatedOrder order = simulator.setTradeState(orderId, wechatState);

        TradeReport answer = gateway.queryTrade(orderId);

        assertThat(answer.state()).isEqualTo(TradeState.valueOf(wechatState.name()));
        if (wechatState.isPaid()) {
            assertThat(answer.payment()).contains(new Payment(order.transactionId().orElseThrow(), order.timeEnd().orElseThrow(),
                    order.totalFee()));
        }
        else {
            assertThat(answer.payment()).isEmpty();
        }
    }

    @Test
    void timeEndIsReadInChinaStandardTime() {
        Map<String, String> answer = signedQueryAnswer("SUCCESS");
        answer.put("time_end", "20240501102030");
        simulator.respondNext(signedXml(answer));

        assertThat(gateway.queryTrade("o1").payment().orElseThrow().paidAt())
                .isEqualTo(Instant.parse("2024-05-01T02:20:30Z"));
    }

    @Test
    void aPaidAnswersTotalFeeIsThePaymentsAmount() {
        String orderId = orderId();
        simulator.createOrder(orderId, 2_990);
        simulator.pay(orderId);
        assertThat(gateway.queryTrade(orderId).payment()).map(Payment::amount).contains(2_990L);

        Map<String, String> noFee = signedQueryAnswer("SUCCESS");
        noFee.remove("total_fee");
        simulator.respondNext(signedXml(noFee));
        assertThat(gateway.queryTrade("o1").payment()).hasValueSatisfying(payment -> assertThat(payment.amount()).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = { "1.00", "-1", "1e3", " 100", "abc", "99999999999999999999" })
    void aPaidAnswerWithAMalformedTotalFeeIsNotTrusted(String totalFee) {
        Map<String, String> answer = signedQueryAnswer("SUCCESS");
        answer.put("total_fee", totalFee);
        simulator.respondNext(signedXml(answer));

        expectFailure(() -> gateway.queryTrade("o1"), "total_fee " + totalFee + " is not a whole number of fen");
    }

    @Test
    void orderNotExistIsNotFound() {
        assertThat(gateway.queryTrade(orderId())).isEqualTo(TradeReport.unpaid(TradeState.NOT_FOUND));
    }

    @Test
    void closeMapsSuccessOrderClosedAndOrderPaid() {
        String unpaid = orderId();
        simulator.createOrder(unpaid);
        assertThat(gateway.closeOrder(unpaid)).isEqualTo(TradeCloseResult.CLOSED);
        assertThat(gateway.closeOrder(unpaid)).isEqualTo(TradeCloseResult.ALREADY_CLOSED);

        String paid = orderId();
        simulator.createOrder(paid);
        simulator.pay(paid);
        assertThat(gateway.closeOrder(paid)).isEqualTo(TradeCloseResult.ALREADY_PAID);
        assertThat(simulator.requests("closeorder", paid)).singleElement()
                .satisfies(request -> assertThat(request.signatureValid()).isTrue());
    }

    @Test
    void requestsCarryTheAccountAndAValidSignature() {
        gateway.queryTrade("o-req");

        RecordedRequest request = simulator.requests("orderquery", "o-req").get(0);
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.fields()).containsEntry("appid", APP_ID).containsEntry("mch_id", MCH_ID)
                .containsEntry("sign_type", "MD5").containsKeys("nonce_str", "sign");
    }

    @Test
    void hmacSha256RoundTrip() {
        WxPayPaymentGateway hmac = new WxPayPaymentGateway(WxPaySettings.builder(APP_ID, MCH_ID, API_KEY)
                .baseUrl(server.baseUrl()).signType(WxPaySignType.HMAC_SHA256).build());
        String orderId = orderId();
        simulator.createOrder(orderId);
        SimulatedOrder paid = simulator.pay(orderId);

        assertThat(hmac.queryTrade(orderId).payment()).map(Payment::transactionId).isEqualTo(paid.transactionId());
        assertThat(simulator.requests("orderquery", orderId).get(0).fields()).containsEntry("sign_type", "HMAC-SHA256");

        // An MD5 gateway must not accept an HMAC-SHA256-signed answer, and the other way round.
        Map<String, String> answer = signedQueryAnswer("NOTPAY");
        simulator.respondNext(xmlSignedWith(answer, WxPaySignType.HMAC_SHA256));
        assertThat(hmac.queryTrade("o1").state()).isEqualTo(TradeState.NOTPAY);
        simulator.respondNext(xmlSignedWith(answer, WxPaySignType.HMAC_SHA256));
        expectFailure(() -> gateway.queryTrade("o1"), "signature");
    }

    // ---------------------------------------------------------------- provider errors

    @Test
    void systemErrorOnQueryFails() {
        String orderId = orderId();
        simulator.createOrder(orderId);
        simulator.failNext(1, "SYSTEMERROR");

        expectFailure(() -> gateway.queryTrade(orderId), "SYSTEMERROR");
    }

    @Test
    void systemErrorOnCloseFailsAndIsRetryable() {
        String orderId = orderId();
        simulator.createOrder(orderId);
        simulator.failNextFor(orderId, 1, "SYSTEMERROR");

        expectFailure(() -> gateway.closeOrder(orderId), "SYSTEMERROR");
        assertThat(gateway.closeOrder(orderId)).isEqualTo(TradeCloseResult.CLOSED);
    }

    @Test
    void otherCloseErrorsFail() {
        expectFailure(() -> gateway.closeOrder(orderId()), "ORDERNOTEXIST");
        simulator.failNext(1, "NOAUTH");
        expectFailure(() -> gateway.queryTrade(orderId()), "NOAUTH");
    }

    @Test
    void returnCodeFailFails() {
        WxPayPaymentGateway wrongKey = new WxPayPaymentGateway(WxPaySettings.builder(APP_ID, MCH_ID,
                "wrongKey0123456789abcdef01234567").baseUrl(server.baseUrl()).build());

        expectFailure(() -> wrongKey.queryTrade(orderId()), "return_code FAIL");
        simulator.respondNext("<xml><return_code>FAIL</return_code><return_msg>系统繁忙</return_msg></xml>");
        expectFailure(() -> gateway.closeOrder(orderId()), "系统繁忙");
    }

    @Test
    void httpErrorsAndUnreachableProvidersFail() {
        simulator.httpStatusNext(1, 502);
        expectFailure(() -> gateway.queryTrade(orderId()), "502");

        WxPayPaymentGateway nowhere = new WxPayPaymentGateway(WxPayTestAccounts.settings(WxPayTestAccounts.unreachableBaseUrl()));
        expectFailure(() -> nowhere.closeOrder(orderId()), "cannot connect");
    }

    @Test
    void callTimeoutFails() {
        WxPayPaymentGateway impatient = new WxPayPaymentGateway(WxPaySettings.builder(APP_ID, MCH_ID, API_KEY)
                .baseUrl(server.baseUrl()).callTimeout(Duration.ofMillis(300)).build());
        String orderId = orderId();
        simulator.createOrder(orderId);
        simulator.delayNext(1, Duration.ofMinutes(1));

        long started = System.nanoTime();
        expectFailure(() -> impatient.closeOrder(orderId), "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        // The close happened; only its answer was lost. Repeating it is safe:
        assertThat(impatient.closeOrder(orderId)).isEqualTo(TradeCloseResult.ALREADY_CLOSED);
    }

    @Test
    void oversizedAnswersAndRedirectsFail() {
        simulator.respondNext("<xml><return_code>SUCCESS</return_code><attach>" + "x".repeat(70_000) + "</attach></xml>");
        expectFailure(() -> gateway.queryTrade(orderId()), "answer larger than 65536 bytes");

        simulator.httpStatusNext(1, 307);
        expectFailure(() -> gateway.queryTrade(orderId()), "redirect refused");
    }

    // ---------------------------------------------------------------- answers that cannot be believed

    @Test
    void badSignatureFailsEvenWhenTheAnswerLooksGood() {
        String orderId = orderId();
        simulator.createOrder(orderId);
        simulator.pay(orderId);
        simulator.badSignatureNext(1);

        expectFailure(() -> gateway.queryTrade(orderId), "signature");
    }

    @Test
    void missingSignatureFails() {
        Map<String, String> answer = signedQueryAnswer("SUCCESS");
        answer.remove("sign");
        simulator.respondNext(xml(answer));

        expectFailure(() -> gateway.queryTrade("o1"), "not signed");
    }

    @Test
    void answerForAnotherMerchantFails() {
        Map<String, String> answer = signedQueryAnswer("NOTPAY");
        answer.put("mch_id", "99999999");
        simulator.respondNext(signedXml(answer));

        expectFailure(() -> gateway.queryTrade("o1"), "not ours");
    }

    @Test
    void answerAboutAnotherOrderFails() {
        simulator.respondNext(signedXml(signedQueryAnswer("NOTPAY")));

        expectFailure(() -> gateway.queryTrade("o2"), "about order o1");
    }

    @Test
    void malformedXmlFails() {
        simulator.createOrder("o1");
        simulator.malformedNext(1);
        expectFailure(() -> gateway.queryTrade("o1"), "unreadable");

        simulator.respondNext("");
        expectFailure(() -> gateway.queryTrade("o1"), "unreadable");
        simulator.respondNext("<html><body>502 Bad Gateway</body></html>");
        expectFailure(() -> gateway.queryTrade("o1"), "unreadable");
        Map<String, String> answer = signedQueryAnswer("NOTPAY");
        String signed = signedXml(answer);
        simulator.respondNext(signed.replace("</xml>", "<trade_state>SUCCESS</trade_state></xml>"));
        expectFailure(() -> gateway.queryTrade("o1"), "twice");
    }

    @Test
    void unknownTradeStateFails() {
        simulator.respondNext(signedXml(signedQueryAnswer("FROZEN")));
        expectFailure(() -> gateway.queryTrade("o1"), "unknown trade_state FROZEN");

        // NOT_FOUND is the SPI's word, not WeChat's: it must not be accepted from the wire either.
        simulator.respondNext(signedXml(signedQueryAnswer("NOT_FOUND")));
        expectFailure(() -> gateway.queryTrade("o1"), "unknown trade_state");

        Map<String, String> noState = signedQueryAnswer("NOTPAY");
        noState.remove("trade_state");
        simulator.respondNext(signedXml(noState));
        expectFailure(() -> gateway.queryTrade("o1"), "no trade_state");
    }

    @Test
    void paidAnswerWithoutTransactionOrWithBadTimeFails() {
        Map<String, String> noTransaction = signedQueryAnswer("SUCCESS");
        noTransaction.remove("transaction_id");
        simulator.respondNext(signedXml(noTransaction));
        expectFailure(() -> gateway.queryTrade("o1"), "no transaction_id");

        Map<String, String> badTime = signedQueryAnswer("REFUND");
        badTime.put("time_end", "2024-05-01 10:20");
        simulator.respondNext(signedXml(badTime));
        expectFailure(() -> gateway.queryTrade("o1"), "time_end");
    }

    @Test
    void xxeInAnAnswerIsNeitherReadNorActedOn(@TempDir Path dir) throws Exception {
        String marker = "SECRET-" + UUID.randomUUID();
        Path secret = Files.writeString(dir.resolve("secret.txt"), marker);
        String uri = secret.toUri().toString();
        List<String> payloads = List.of(
                // classic external entity, used in the field that decides
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + uri + "\">]>"
                        + "<xml><return_code>SUCCESS</return_code><trade_state>&xxe;</trade_state>"
                        + "<transaction_id>&xxe;</transaction_id></xml>",
                // parameter entity (the out-of-band variant)
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + uri + "\"> %p;]>"
                        + "<xml><return_code>SUCCESS</return_code></xml>",
                // external DTD
                "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"" + uri + "\"><xml><return_code>SUCCESS</return_code></xml>",
                // billion laughs
                billionLaughs(),
                // a validly signed SUCCESS answer with a harmless internal DTD is still refused
                "<!DOCTYPE xml [<!ELEMENT xml ANY>]>" + signedXml(signedQueryAnswer("SUCCESS")));
        for (String payload : payloads) {
            simulator.respondNext(payload);
            PaymentGatewayException failure = expectFailure(() -> gateway.queryTrade("o1"), "unreadable");
            assertThat(everythingIn(failure)).doesNotContain(marker).containsIgnoringCase("DOCTYPE");
            simulator.respondNext(payload);
            assertThat(everythingIn(expectFailure(() -> gateway.closeOrder("o1"), "unreadable"))).doesNotContain(marker);
        }
    }

    // ---------------------------------------------------------------- inputs and secrets

    @Test
    void orderIdsWeChatWouldRefuseAreNotSent() {
        expectFailure(() -> gateway.queryTrade("has space"), "out_trade_no");
        expectFailure(() -> gateway.closeOrder("x".repeat(33)), "out_trade_no");
        expectFailure(() -> gateway.closeOrder(null), "out_trade_no");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void theOrderIdRulesAreWeChatsOutTradeNoRule() {
        OrderIdRules rules = gateway.orderIdRules();
        assertThat(rules.accepts("Ab9_-|*@")).isTrue();
        assertThat(rules.accepts("x".repeat(32))).isTrue();
        assertThat(rules.accepts("x".repeat(33))).isFalse();
        assertThat(rules.accepts("")).isFalse();
        assertThat(rules.accepts("has space")).isFalse();
        assertThat(rules.accepts("order.1")).isFalse();
        assertThat(rules.accepts("订单1")).isFalse();
        assertThat(rules.description()).contains("32");
    }

    @Test
    void requestsVerifyWithTheSdksOwnSignatureCheck() throws Exception {
        gateway.queryTrade("o-sdk");
        WxPayPaymentGateway hmac = new WxPayPaymentGateway(WxPaySettings.builder(APP_ID, MCH_ID, API_KEY)
                .baseUrl(server.baseUrl()).signType(WxPaySignType.HMAC_SHA256).build());
        hmac.queryTrade("o-sdk-hmac");

        Map<String, String> md5 = simulator.requests("orderquery", "o-sdk").get(0).fields();
        assertThat(WXPayUtil.isSignatureValid(md5, API_KEY, WXPayConstants.SignType.MD5)).isTrue();
        Map<String, String> sha = simulator.requests("orderquery", "o-sdk-hmac").get(0).fields();
        assertThat(WXPayUtil.isSignatureValid(sha, API_KEY, WXPayConstants.SignType.HMACSHA256)).isTrue();
        assertThat(md5.get("nonce_str")).matches("[A-Za-z0-9]{32}").isNotEqualTo(sha.get("nonce_str"));
    }

    @Test
    void apiKeyNeverAppears() {
        assertThat(gateway.toString()).doesNotContain(API_KEY).contains(MCH_ID);
        assertThat(new WxPayNotificationParser(WxPayTestAccounts.settings(server.baseUrl())).toString()).doesNotContain(API_KEY);
        // a spread of failures, including one where our key is what the provider objects to
        simulator.failNext(1, "SYSTEMERROR");
        expectFailure(() -> gateway.queryTrade("o1"), "");
        simulator.badSignatureNext(1);
        expectFailure(() -> gateway.queryTrade("o1"), "");
        simulator.delayNext(1, Duration.ofMinutes(1));
        WxPayPaymentGateway impatient = new WxPayPaymentGateway(WxPaySettings.builder(APP_ID, MCH_ID, API_KEY)
                .baseUrl(server.baseUrl()).callTimeout(Duration.ofMillis(200)).build());
        expectFailure(() -> impatient.queryTrade("o1"), "");
        WxPayPaymentGateway nowhere = new WxPayPaymentGateway(WxPayTestAccounts.settings(WxPayTestAccounts.unreachableBaseUrl()));
        expectFailure(() -> nowhere.queryTrade("o1"), "");

        assertThat(failures).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(failure -> assertThat(everythingIn(failure)).doesNotContain(API_KEY));
    }

    // ---------------------------------------------------------------- helpers

    private PaymentGatewayException expectFailure(ThrowingCallable call, String messagePart) {
        List<PaymentGatewayException> caught = new ArrayList<>();
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(call)
                .withMessageContaining(messagePart)
                .satisfies((Consumer<PaymentGatewayException>) caught::add);
        failures.addAll(caught);
        return caught.get(0);
    }

    private static String orderId() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A signed-looking orderquery answer for order o1 in {@code tradeState}, to be tampered with. */
    private static Map<String, String> signedQueryAnswer(String tradeState) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "SUCCESS");
        answer.put("return_msg", "OK");
        answer.put("appid", APP_ID);
        answer.put("mch_id", MCH_ID);
        answer.put("nonce_str", "n0nce");
        answer.put("result_code", "SUCCESS");
        answer.put("out_trade_no", "o1");
        answer.put("trade_state", tradeState);
        answer.put("transaction_id", "4200000000202405010000000001");
        answer.put("time_end", "20240501102030");
        answer.put("total_fee", "1");
        answer.put("sign", "placeholder");
        return answer;
    }

    private static String signedXml(Map<String, String> answer) {
        return xmlSignedWith(answer, WxPaySignType.MD5);
    }

    private static String xmlSignedWith(Map<String, String> answer, WxPaySignType type) {
        Map<String, String> signed = new LinkedHashMap<>(answer);
        signed.put("sign", new WxPaySigner(API_KEY, type).sign(signed));
        return xml(signed);
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&l" + (i - 1) + ";";
            dtd.append("<!ENTITY l").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        return dtd.append("]><xml><return_code>SUCCESS</return_code><trade_state>&l9;</trade_state></xml>").toString();
    }
}
