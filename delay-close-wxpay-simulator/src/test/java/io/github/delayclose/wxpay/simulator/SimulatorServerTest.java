package io.github.delayclose.wxpay.simulator;

import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPayXml;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorServerTest {

    private static final MerchantAccount ACCOUNT = new MerchantAccount("wx00000000000000a1", "1900000109",
            "0123456789abcdef0123456789abcdef");

    // 2024-05-01T10:20:30+08:00
    private static final Instant NOW = Instant.parse("2024-05-01T02:20:30.456Z");

    private SimulatorServer server;

    private WxPaySimulator simulator;

    private WxPayTestClient client;

    @BeforeEach
    void start() {
        simulator = new WxPaySimulator(ACCOUNT, Clock.fixed(NOW, ZoneOffset.UTC));
        server = SimulatorServer.start(simulator, 0);
        client = new WxPayTestClient(server.baseUrl(), ACCOUNT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void unknownOrderIsOrderNotExistForQueryAndClose() throws Exception {
        for (String api : List.of("orderquery", "closeorder")) {
            Map<String, String> answer = client.call(api, "nope");
            assertThat(answer).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "FAIL")
                    .containsEntry("err_code", "ORDERNOTEXIST");
            assertThat(new WxPaySigner(ACCOUNT.apiKey(), WxPaySignType.MD5).isValid(answer)).isTrue();
        }
    }

    @Test
    void unpaidOrderAnswersNotPay() throws Exception {
        simulator.createOrder("o1", 250);
        Map<String, String> answer = client.call("orderquery", "o1");
        assertThat(answer).containsEntry("result_code", "SUCCESS").containsEntry("trade_state", "NOTPAY")
                .containsEntry("out_trade_no", "o1").containsEntry("appid", ACCOUNT.appId())
                .containsEntry("mch_id", ACCOUNT.mchId()).doesNotContainKey("transaction_id");
        assertThat(answer.get("nonce_str")).hasSize(32);
        assertThat(new WxPaySigner(ACCOUNT.apiKey(), WxPaySignType.MD5).isValid(answer)).isTrue();
    }

    @Test
    void paidOrderAnswersSuccessWithTransactionAndShanghaiTimeEnd() throws Exception {
        simulator.createOrder("o1", 250);
        SimulatedOrder paid = simulator.pay("o1");
        Map<String, String> answer = client.call("orderquery", "o1");
        assertThat(answer).containsEntry("trade_state", "SUCCESS").containsEntry("total_fee", "250")
                .containsEntry("time_end", "20240501102030")
                .containsEntry("transaction_id", paid.transactionId().orElseThrow());
        assertThat(paid.transactionId().orElseThrow()).hasSize(28).startsWith("420020240501");
        assertThat(paid.timeEnd()).contains(Instant.parse("2024-05-01T02:20:30Z"));
        assertThat(simulator.pay("o1")).isEqualTo(paid);
    }

    @Test
    void everyTradeStateCanBeForced() throws Exception {
        for (SimulatedTradeState state : SimulatedTradeState.values()) {
            simulator.setTradeState("o-" + state, state);
            Map<String, String> answer = client.call("orderquery", "o-" + state);
            assertThat(answer).containsEntry("trade_state", state.name())
                    .containsEntry("trade_state_desc", state.description());
            assertThat(answer.containsKey("transaction_id")).isEqualTo(state.isPaid());
        }
    }

    @Test
    void closeOrderFollowsTheState() throws Exception {
        simulator.createOrder("unpaid");
        assertThat(client.call("closeorder", "unpaid")).containsEntry("result_code", "SUCCESS");
        assertThat(simulator.order("unpaid").orElseThrow().tradeState()).isEqualTo(SimulatedTradeState.CLOSED);
        assertThat(client.call("closeorder", "unpaid")).containsEntry("err_code", "ORDERCLOSED");

        simulator.createOrder("paid");
        simulator.pay("paid");
        assertThat(client.call("closeorder", "paid")).containsEntry("result_code", "FAIL").containsEntry("err_code", "ORDERPAID");
        simulator.setTradeState("refunded", SimulatedTradeState.REFUND);
        assertThat(client.call("closeorder", "refunded")).containsEntry("err_code", "ORDERPAID");
        simulator.setTradeState("revoked", SimulatedTradeState.REVOKED);
        assertThat(client.call("closeorder", "revoked")).containsEntry("err_code", "ORDERCLOSED");

        assertThat(simulator.requests("closeorder", "unpaid")).hasSize(2);
        assertThat(simulator.requests("orderquery", "unpaid")).isEmpty();
    }

    @Test
    void closedOrderCannotBePaidButCanBeForced() {
        simulator.createOrder("o1");
        simulator.setTradeState("o1", SimulatedTradeState.CLOSED);
        assertThatIllegalStateException().isThrownBy(() -> simulator.pay("o1"));
        assertThat(simulator.setTradeState("o1", SimulatedTradeState.SUCCESS).transactionId()).isPresent();
    }

    @Test
    void hmacSha256RequestsGetHmacSha256Answers() throws Exception {
        simulator.createOrder("o1");
        Map<String, String> answer = client.call("orderquery", "o1", WxPaySignType.HMAC_SHA256);
        assertThat(answer).containsEntry("trade_state", "NOTPAY");
        assertThat(answer.get("sign")).hasSize(64);
        assertThat(new WxPaySigner(ACCOUNT.apiKey(), WxPaySignType.HMAC_SHA256).isValid(answer)).isTrue();
    }

    @Test
    void badRequestSignatureIsRefusedLikeWeChatDoes() throws Exception {
        simulator.createOrder("o1");
        String forged = client.signedRequest("o1", WxPaySignType.MD5).replace("<out_trade_no><![CDATA[o1]]>",
                "<out_trade_no><![CDATA[o2]]>");
        Map<String, String> answer = WxPayXml.parse(client.post("/pay/closeorder", forged).body());
        assertThat(answer).containsEntry("return_code", "FAIL").containsEntry("return_msg", "签名错误")
                .doesNotContainKey("sign");
        assertThat(simulator.order("o1").orElseThrow().tradeState()).isEqualTo(SimulatedTradeState.NOTPAY);
        assertThat(simulator.requests()).singleElement().satisfies(request -> {
            assertThat(request.signatureValid()).isFalse();
            assertThat(request.outTradeNo()).isEqualTo("o2");
        });
    }

    @Test
    void anotherMerchantIsRefused() throws Exception {
        MerchantAccount other = new MerchantAccount("wxother", "123", ACCOUNT.apiKey());
        Map<String, String> answer = new WxPayTestClient(server.baseUrl(), other).call("orderquery", "o1");
        assertThat(answer).containsEntry("return_code", "FAIL").containsEntry("return_msg", "appid和mch_id不匹配");
    }

    @Test
    void malformedOrHostileRequestsAreRefused(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-MARKER-77aa");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<xml><out_trade_no>&x;</out_trade_no></xml>";
        HttpResponse<String> response = client.post("/pay/orderquery", xxe);
        assertThat(response.body()).doesNotContain("SECRET-MARKER-77aa");
        assertThat(WxPayXml.parse(response.body())).containsEntry("return_code", "FAIL")
                .containsEntry("return_msg", "XML格式错误");
        assertThat(WxPayXml.parse(client.post("/pay/orderquery", "not xml").body()))
                .containsEntry("return_msg", "XML格式错误");
        assertThat(client.get("/pay/orderquery").statusCode()).isEqualTo(405);
        assertThat(client.post("/pay/refund", "<xml/>").statusCode()).isEqualTo(404);
    }

    @Test
    void injectedErrorsHaveNoEffectAndAreUsedUpInOrder() throws Exception {
        simulator.createOrder("o1");
        simulator.createOrder("o2");
        simulator.failNext(1, "SYSTEMERROR");
        simulator.failNextFor("o2", 1, "SYSTEMERROR");

        assertThat(client.call("closeorder", "o2")).containsEntry("result_code", "FAIL")
                .containsEntry("err_code", "SYSTEMERROR").containsEntry("err_code_des", "系统错误");
        assertThat(client.call("closeorder", "o1")).containsEntry("err_code", "SYSTEMERROR");
        assertThat(simulator.orders()).allMatch(order -> order.tradeState() == SimulatedTradeState.NOTPAY);
        assertThat(client.call("closeorder", "o1")).containsEntry("result_code", "SUCCESS");
    }

    @Test
    void spoiltAnswersStillLetTheCallTakeEffect() throws Exception {
        simulator.createOrder("o1");
        simulator.badSignatureNext(1);
        Map<String, String> badlySigned = client.call("closeorder", "o1");
        assertThat(badlySigned).containsEntry("result_code", "SUCCESS").containsKey("sign");
        assertThat(new WxPaySigner(ACCOUNT.apiKey(), WxPaySignType.MD5).isValid(badlySigned)).isFalse();
        assertThat(simulator.order("o1").orElseThrow().tradeState()).isEqualTo(SimulatedTradeState.CLOSED);

        simulator.malformedNext(1);
        String truncated = client.post("/pay/orderquery", client.signedRequest("o1", WxPaySignType.MD5)).body();
        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> WxPayXml.parse(truncated));

        simulator.respondNext("<xml>raw</xml>");
        assertThat(client.post("/pay/orderquery", client.signedRequest("o1", WxPaySignType.MD5)).body()).isEqualTo("<xml>raw</xml>");

        simulator.httpStatusNext(1, 502);
        assertThat(client.post("/pay/orderquery", client.signedRequest("o1", WxPaySignType.MD5)).statusCode()).isEqualTo(502);

        assertThat(client.call("orderquery", "o1")).containsEntry("trade_state", "CLOSED");
    }

    @Test
    void delayedAnswersTimeOutClientsAndDoNotHoldUpStop() throws Exception {
        simulator.createOrder("o1");
        simulator.delayNext(1, Duration.ofMinutes(5));
        HttpClient impatient = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/pay/closeorder"))
                .timeout(Duration.ofMillis(300))
                .POST(HttpRequest.BodyPublishers.ofString(client.signedRequest("o1", WxPaySignType.MD5))).build();
        assertThatExceptionOfType(HttpTimeoutException.class)
                .isThrownBy(() -> impatient.send(request, HttpResponse.BodyHandlers.ofString()));
        assertThat(simulator.order("o1").orElseThrow().tradeState()).isEqualTo(SimulatedTradeState.CLOSED);

        long started = System.nanoTime();
        server.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void concurrentClosesCloseExactlyOnce() throws Exception {
        simulator.createOrder("o1");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Map<String, String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> client.call("closeorder", "o1")));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<Map<String, String>> answer : answers) {
                Map<String, String> fields = answer.get(10, TimeUnit.SECONDS);
                outcomes.add(fields.get("result_code") + "/" + fields.getOrDefault("err_code", ""));
            }
            assertThat(outcomes).containsOnlyOnce("SUCCESS/").containsOnly("SUCCESS/", "FAIL/ORDERCLOSED");
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unifiedOrderCreatesAnOrderAndPaymentIsNotifiedToItsNotifyUrl() throws Exception {
        CompletableFuture<String> received = new CompletableFuture<>();
        HttpServer shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/notify", exchange -> {
            try (exchange) {
                received.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] reply = "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, reply.length);
                exchange.getResponseBody().write(reply);
            }
        });
        shop.start();
        try {
            String notifyUrl = "http://127.0.0.1:" + shop.getAddress().getPort() + "/notify";
            Map<String, String> request = new java.util.LinkedHashMap<>();
            request.put("appid", ACCOUNT.appId());
            request.put("mch_id", ACCOUNT.mchId());
            request.put("nonce_str", "n1");
            request.put("body", "demo");
            request.put("out_trade_no", "o9");
            request.put("total_fee", "990");
            request.put("spbill_create_ip", "127.0.0.1");
            request.put("notify_url", notifyUrl);
            request.put("trade_type", "NATIVE");
            request.put("sign", new WxPaySigner(ACCOUNT.apiKey(), WxPaySignType.MD5).sign(request));
            Map<String, String> answer = WxPayXml.parse(client.post("/pay/unifiedorder", WxPayXml.write(request)).body());
            assertThat(answer).containsEntry("result_code", "SUCCESS").containsKeys("prepay_id", "code_url");
            assertThat(simulator.order("o9").orElseThrow().notifyUrl()).contains(notifyUrl);

            assertThatIllegalStateException().isThrownBy(() -> simulator.notificationXml("o9"));
            SimulatedOrder paid = simulator.pay("o9");
            NotificationDelivery delivery = simulator.sendNotification("o9");
            assertThat(delivery.acknowledged()).isTrue();

            Map<String, String> notification = WxPayXml.parse(received.get(10, TimeUnit.SECONDS));
            assertThat(notification).containsEntry("return_code", "SUCCESS").containsEntry("result_code", "SUCCESS")
                    .containsEntry("appid", ACCOUNT.appId()).containsEntry("mch_id", ACCOUNT.mchId())
                    .containsEntry("out_trade_no", "o9").containsEntry("total_fee", "990")
                    .containsEntry("transaction_id", paid.transactionId().orElseThrow())
                    .containsEntry("time_end", "20240501102030");
            assertThat(new WxPaySigner(ACCOUNT.apiKey(), WxPaySignType.MD5).isValid(notification)).isTrue();
        }
        finally {
            shop.stop(0);
        }
    }

    @Test
    void hmacNotificationsSayTheirSignType() {
        MerchantAccount hmac = new MerchantAccount("wxa", "1", "k", WxPaySignType.HMAC_SHA256);
        WxPaySimulator other = new WxPaySimulator(hmac);
        other.createOrder("o1");
        other.pay("o1");
        Map<String, String> notification = WxPayXml.parse(other.notificationXml("o1"));
        assertThat(notification).containsEntry("sign_type", "HMAC-SHA256");
        assertThat(new WxPaySigner("k", WxPaySignType.HMAC_SHA256).isValid(notification)).isTrue();
    }

    @Test
    void controlsOverHttp() throws Exception {
        assertThat(client.post("/simulator/orders/o%2F1?total_fee=300").body()).contains("\"outTradeNo\":\"o/1\"")
                .contains("\"tradeState\":\"NOTPAY\"").contains("\"totalFee\":300");
        assertThat(client.post("/simulator/orders/o%2F1/state?value=USERPAYING").body()).contains("USERPAYING");
        assertThat(client.post("/simulator/orders/o%2F1/pay").body()).contains("\"tradeState\":\"SUCCESS\"");
        assertThat(client.get("/simulator/orders").body()).startsWith("[").contains("o/1");
        assertThat(client.get("/simulator/orders/missing").statusCode()).isEqualTo(404);
        assertThat(client.post("/simulator/orders/missing/pay").statusCode()).isEqualTo(404);
        assertThat(client.post("/simulator/orders/o%2F1/state?value=BOGUS").statusCode()).isEqualTo(400);
        assertThat(client.post("/simulator/nothing").statusCode()).isEqualTo(404);

        assertThat(client.post("/simulator/fail-next?code=SYSTEMERROR&count=2").statusCode()).isEqualTo(200);
        assertThat(client.call("orderquery", "o/1")).containsEntry("err_code", "SYSTEMERROR");
        assertThat(client.call("orderquery", "o/1")).containsEntry("err_code", "SYSTEMERROR");
        assertThat(client.call("orderquery", "o/1")).containsEntry("trade_state", "SUCCESS");
        assertThat(client.get("/simulator/requests").body()).contains("\"api\":\"orderquery\"");

        assertThat(client.post("/simulator/reset").statusCode()).isEqualTo(200);
        assertThat(simulator.orders()).isEmpty();
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void accountNeverShowsItsKey() {
        assertThat(ACCOUNT.toString()).doesNotContain(ACCOUNT.apiKey()).contains(ACCOUNT.mchId());
    }

    @Test
    void unreachableShopIsReportedNotSwallowed() throws IOException {
        simulator.createOrder("o1");
        simulator.pay("o1");
        int freePort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = socket.getLocalPort();
        }
        assertThatExceptionOfType(java.io.UncheckedIOException.class)
                .isThrownBy(() -> simulator.sendNotification("o1", URI.create("http://127.0.0.1:" + freePort + "/notify")));
    }
}
