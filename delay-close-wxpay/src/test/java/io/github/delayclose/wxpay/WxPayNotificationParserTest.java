package io.github.delayclose.wxpay;

import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPayXml;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import static io.github.delayclose.wxpay.WxPayTestAccounts.API_KEY;
import static io.github.delayclose.wxpay.WxPayTestAccounts.APP_ID;
import static io.github.delayclose.wxpay.WxPayTestAccounts.MCH_ID;
import static io.github.delayclose.wxpay.WxPayTestAccounts.everythingIn;
import static io.github.delayclose.wxpay.WxPayTestAccounts.xml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.wxpay.simulator.NotificationDelivery;
import io.github.delayclose.wxpay.simulator.SimulatedOrder;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WxPayNotificationParserTest {

    private final WxPaySimulator simulator = new WxPaySimulator(WxPayTestAccounts.simulatorAccount(WxPaySignType.MD5));

    private final WxPayNotificationParser parser = new WxPayNotificationParser(WxPaySettings.of(APP_ID, MCH_ID, API_KEY));

    @Test
    void readsTheSimulatorsNotification() {
        simulator.createOrder("o1", 990);
        SimulatedOrder paid = simulator.pay("o1");

        WxPayNotification notification = parser.parse(simulator.notificationXml("o1"));

        assertThat(notification.orderId()).isEqualTo("o1");
        assertThat(notification.resultCode()).isEqualTo("SUCCESS");
        assertThat(notification.paid()).isTrue();
        assertThat(notification.totalFee()).isEqualTo(990);
        assertThat(notification.payment())
                .contains(new Payment(paid.transactionId().orElseThrow(), paid.timeEnd().orElseThrow(), 990L));
    }

    @Test
    void readsHmacSha256NotificationsWithAnHmacSha256Parser() {
        WxPaySimulator hmacSimulator = new WxPaySimulator(WxPayTestAccounts.simulatorAccount(WxPaySignType.HMAC_SHA256));
        hmacSimulator.createOrder("o1");
        hmacSimulator.pay("o1");
        WxPayNotificationParser hmacParser = new WxPayNotificationParser(WxPaySettings.builder(APP_ID, MCH_ID, API_KEY)
                .signType(WxPaySignType.HMAC_SHA256).build());

        assertThat(hmacParser.parse(hmacSimulator.notificationXml("o1")).paid()).isTrue();
        expectRejection(hmacSimulator.notificationXml("o1"), "signed with HMAC-SHA256");
    }

    @Test
    void deliveredOverHttpAndAcknowledged() throws Exception {
        CompletableFuture<WxPayNotification> received = new CompletableFuture<>();
        HttpServer shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/wxpay/notify", exchange -> {
            try (exchange) {
                String reply;
                try {
                    received.complete(parser.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    reply = WxPayNotificationParser.successReply();
                }
                catch (WxPayNotificationException ex) {
                    reply = WxPayNotificationParser.failReply(ex.getMessage());
                }
                byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        shop.start();
        try {
            simulator.createOrder("o7", 100);
            simulator.pay("o7");
            NotificationDelivery delivery = simulator.sendNotification("o7",
                    URI.create("http://127.0.0.1:" + shop.getAddress().getPort() + "/wxpay/notify"));

            assertThat(delivery.acknowledged()).isTrue();
            assertThat(delivery.body()).isEqualTo(
                    "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>");
            assertThat(received.get(10, TimeUnit.SECONDS).orderId()).isEqualTo("o7");
        }
        finally {
            shop.stop(0);
        }
    }

    @Test
    void tamperedOrForeignNotificationsAreRejected() {
        simulator.createOrder("o1");
        simulator.pay("o1");
        String genuine = simulator.notificationXml("o1");

        expectRejection(genuine.replace("<out_trade_no><![CDATA[o1]]>", "<out_trade_no><![CDATA[o2]]>"), "does not verify");
        expectRejection(genuine.replaceAll("<sign>.*?</sign>", ""), "not signed");
        WxPayNotificationParser otherKey = new WxPayNotificationParser(WxPaySettings.of(APP_ID, MCH_ID, "another-key"));
        assertThatExceptionOfType(WxPayNotificationException.class).isThrownBy(() -> otherKey.parse(genuine));

        Map<String, String> foreign = notificationFields();
        foreign.put("mch_id", "99999999");
        expectRejection(signed(foreign), "not ours");
    }

    @Test
    void incompleteNotificationsAreRejected() {
        for (String field : List.of("out_trade_no", "transaction_id", "time_end", "total_fee", "result_code")) {
            Map<String, String> fields = notificationFields();
            fields.remove(field);
            expectRejection(signed(fields), field);
        }
        Map<String, String> badTime = notificationFields();
        badTime.put("time_end", "20241301000000");
        expectRejection(signed(badTime), "time_end");
        for (String fee : List.of("-5", "1.5", "ten", "99999999999999999999")) {
            Map<String, String> badFee = notificationFields();
            badFee.put("total_fee", fee);
            expectRejection(signed(badFee), "total_fee " + fee + " is not a whole number of fen");
        }
        Map<String, String> unknownResult = notificationFields();
        unknownResult.put("result_code", "MAYBE");
        expectRejection(signed(unknownResult), "result_code");
    }

    @Test
    void failedPaymentsAndFailedCommunicationCarryNoPayment() {
        Map<String, String> failed = notificationFields();
        failed.put("result_code", "FAIL");
        failed.put("err_code", "PAYERROR");
        failed.remove("transaction_id");
        failed.remove("time_end");
        WxPayNotification notification = parser.parse(signed(failed));
        assertThat(notification.paid()).isFalse();
        assertThat(notification.payment()).isEmpty();
        assertThat(notification.totalFee()).isEqualTo(100);
        failed.remove("total_fee");
        assertThat(parser.parse(signed(failed)).totalFee()).isEqualTo(-1);
        failed.put("total_fee", "1,00");
        expectRejection(signed(failed), "total_fee 1,00");

        expectRejection("<xml><return_code>FAIL</return_code><return_msg>bad</return_msg></xml>", "return_code FAIL");
    }

    @Test
    void xxeAndEntityExpansionAreRefusedAndNeverRead(@TempDir Path dir) throws Exception {
        String marker = "SECRET-" + UUID.randomUUID();
        Path secret = Files.writeString(dir.resolve("secret.txt"), marker);
        String genuineBody = signed(notificationFields()).substring("<xml>".length());
        List<String> payloads = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<xml><out_trade_no>&xxe;</out_trade_no>" + genuineBody,
                "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"" + secret.toUri() + "\"> %p;]><xml>" + genuineBody,
                "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                        + "<xml><attach>&d;</attach>" + genuineBody,
                // even a correctly signed notification is refused once it declares a DOCTYPE
                "<!DOCTYPE xml>" + signed(notificationFields()));
        for (String payload : payloads) {
            WxPayNotificationException rejection = expectRejection(payload, "DOCTYPE");
            assertThat(everythingIn(rejection)).doesNotContain(marker);
            assertThat(WxPayNotificationParser.failReply(rejection.getMessage())).doesNotContain(marker);
        }
    }

    @Test
    void garbageAndOversizedBodiesAreRejected() {
        expectRejection("", "empty");
        expectRejection(null, "empty");
        expectRejection("payment=ok", "unreadable");
        expectRejection("<xml><a>" + "x".repeat(70_000) + "</a></xml>", "longer");
        expectRejection("<xml><out_trade_no><b>o1</b></out_trade_no></xml>", "plain text");
    }

    @Test
    void rejectionsNeverShowTheKey() {
        simulator.createOrder("o1");
        simulator.pay("o1");
        String genuine = simulator.notificationXml("o1");
        List<String> bodies = List.of(genuine.replace("o1", "o2"), "<xml/>", "nope", "<!DOCTYPE x><xml/>");
        for (String body : bodies) {
            assertThat(everythingIn(expectRejection(body, ""))).doesNotContain(API_KEY);
        }
        assertThat(parser.toString()).doesNotContain(API_KEY);
    }

    @Test
    void replies() {
        assertThat(WxPayNotificationParser.successReply()).isEqualTo(
                "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>");
        assertThat(WxPayNotificationParser.failReply("签名失败")).isEqualTo(
                "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[签名失败]]></return_msg></xml>");
        assertThat(WxPayXml.parse(WxPayNotificationParser.failReply("a]]>b"))).containsEntry("return_msg", "a]]>b");
    }

    // ---------------------------------------------------------------- helpers

    private WxPayNotificationException expectRejection(String body, String messagePart) {
        WxPayNotificationException[] caught = new WxPayNotificationException[1];
        assertThatExceptionOfType(WxPayNotificationException.class).isThrownBy(() -> parser.parse(body))
                .withMessageContaining(messagePart)
                .satisfies(ex -> caught[0] = ex);
        return caught[0];
    }

    private static Map<String, String> notificationFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("appid", APP_ID);
        fields.put("mch_id", MCH_ID);
        fields.put("nonce_str", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
        fields.put("result_code", "SUCCESS");
        fields.put("out_trade_no", "o1");
        fields.put("transaction_id", "4200000000202405010000000001");
        fields.put("time_end", "20240501102030");
        fields.put("total_fee", "100");
        return fields;
    }

    private static String signed(Map<String, String> fields) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("sign", new WxPaySigner(API_KEY, WxPaySignType.MD5).sign(signed));
        return xml(signed);
    }
}
