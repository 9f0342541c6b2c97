package io.github.delayclose.wxpay;

import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import static io.github.delayclose.wxpay.WxPayTestAccounts.API_KEY;
import static io.github.delayclose.wxpay.WxPayTestAccounts.APP_ID;
import static io.github.delayclose.wxpay.WxPayTestAccounts.MCH_ID;
import static io.github.delayclose.wxpay.WxPayTestAccounts.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.wxpay.simulator.SimulatorServer;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A correctly signed "paid" orderquery answer is trusted only when it names the queried order: a
 * paid answer marks the order paid, so one that names no order or another order must fail.
 */
class WxPayPaidAnswerMatchingTest {

    private static final String ORDER_ID = "order-42";

    private static SimulatorServer server;

    private static WxPaySimulator simulator;

    private static WxPayPaymentGateway gateway;

    /** The project's own signer, so the answers below pass verification and only their content is wrong. */
    private final WxPaySigner signer = new WxPaySigner(API_KEY, WxPaySignType.MD5);

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

    @ParameterizedTest
    @ValueSource(strings = { "SUCCESS", "REFUND" })
    void paidAnswerWithoutOutTradeNoIsNotTrusted(String tradeState) {
        Map<String, String> answer = answer(tradeState);
        answer.remove("out_trade_no");
        simulator.respondNext(signed(answer));

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER_ID))
                .withMessageContaining("order " + ORDER_ID)
                .withMessageContaining("no out_trade_no");
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUCCESS", "REFUND" })
    void paidAnswerWithEmptyOutTradeNoIsNotTrusted(String tradeState) {
        Map<String, String> answer = answer(tradeState);
        answer.put("out_trade_no", "");
        simulator.respondNext(signed(answer));

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER_ID))
                .withMessageContaining("no out_trade_no");
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUCCESS", "REFUND" })
    void paidAnswerAboutAnotherOrderIsNotTrusted(String tradeState) {
        Map<String, String> answer = answer(tradeState);
        answer.put("out_trade_no", "order-43");
        simulator.respondNext(signed(answer));

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade(ORDER_ID))
                .withMessageContaining("about order order-43")
                .withMessageContaining("not " + ORDER_ID);
    }

    @Test
    void paidAnswerNamingTheQueriedOrderIsTrusted() {
        simulator.respondNext(signed(answer("SUCCESS")));

        TradeReport query = gateway.queryTrade(ORDER_ID);

        assertThat(query.state()).isEqualTo(TradeState.SUCCESS);
        assertThat(query.payment()).isPresent();
    }

    private static Map<String, String> answer(String tradeState) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "SUCCESS");
        answer.put("return_msg", "OK");
        answer.put("appid", APP_ID);
        answer.put("mch_id", MCH_ID);
        answer.put("nonce_str", "n0nce");
        answer.put("result_code", "SUCCESS");
        answer.put("out_trade_no", ORDER_ID);
        answer.put("trade_state", tradeState);
        answer.put("transaction_id", "4200000000202405010000000042");
        answer.put("time_end", "20240501102030");
        answer.put("total_fee", "1");
        return answer;
    }

    private String signed(Map<String, String> answer) {
        Map<String, String> fields = new LinkedHashMap<>(answer);
        fields.put("sign", signer.sign(fields));
        return xml(fields);
    }
}
