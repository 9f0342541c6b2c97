package io.github.delayclose.sample;

import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.delayclose.wxpay.simulator.MerchantAccount;
import io.github.delayclose.wxpay.simulator.NotificationDelivery;
import io.github.delayclose.wxpay.simulator.SimulatedTradeState;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WeChat Pay v2 notification endpoint: only a notification signed with the merchant's key, for
 * the right amount, is believed; it is idempotent; and it never revives a closed order.
 */
class WxPayNotificationIT extends SampleAppIntegrationTest {

    @Autowired
    MeterRegistry meters;

    /** Another WeChat Pay for the same merchant: signs correctly, but knows nothing of the shop's orders. */
    private WxPaySimulator sameMerchant() {
        return new WxPaySimulator(simulator().account());
    }

    @Test
    void aNotificationSignedWithAnotherKeyIsRefusedAndChangesNothing() {
        String sku = newSku(5, 1_000);
        String orderId = createOrder(sku, 1);
        MerchantAccount ours = simulator().account();
        WxPaySimulator forger = new WxPaySimulator(new MerchantAccount(ours.appId(), ours.mchId(), "not-the-merchant-key"));
        forger.createOrder(orderId, 1_000);
        forger.pay(orderId);

        Response reply = postXml("/api/wxpay/notify", forger.notificationXml(orderId));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(xmlFields(reply.body())).containsEntry("return_code", "FAIL")
                .containsEntry("return_msg", "notification signature does not verify");
        assertThat(status(orderId)).isEqualTo("UNPAID");
        assertThat(logRows(orderId)).isEmpty();
        // Nobody paid it really: at the end of its window it is closed, the forged payment never recorded.
        awaitStatus(orderId, "CLOSED");
        assertThat(order(orderId).get("transactionId").isNull()).isTrue();
        assertThat(stock(sku)).isEqualTo(5);
    }

    @Test
    void anXxeNotificationIsRejectedWithoutReadingAnything() throws IOException {
        String orderId = createOrder(newSku(5, 1_000), 1);
        AtomicInteger fetched = new AtomicInteger();
        HttpServer canary = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        canary.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = "<!ENTITY leak 'LEAKED'>".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        canary.start();
        try {
            String canaryUrl = "http://127.0.0.1:" + canary.getAddress().getPort();
            String xxe = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE xml [
                      <!ENTITY file SYSTEM "file:///etc/passwd">
                      <!ENTITY remote SYSTEM "%s/entity">
                      <!ENTITY %% dtd SYSTEM "%s/dtd"> %%dtd;
                    ]>
                    <xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code>
                    <out_trade_no>%s</out_trade_no><transaction_id>&file;&remote;&leak;</transaction_id>
                    <sign>00</sign></xml>""".formatted(canaryUrl, canaryUrl, orderId);

            Response reply = postXml("/api/wxpay/notify", xxe);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(xmlFields(reply.body())).containsEntry("return_code", "FAIL");
            assertThat(reply.body()).doesNotContain("root:").doesNotContain("LEAKED");
            assertThat(fetched).hasValue(0);
            assertThat(status(orderId)).isEqualTo("UNPAID");
        }
        finally {
            canary.stop(0);
        }
        awaitStatus(orderId, "CLOSED");
    }

    @Test
    void malformedAndUnsignedNotificationsAreRefused() {
        for (String body : new String[] { "not xml", "", "<xml><return_code>SUCCESS</return_code></xml>" }) {
            Response reply = postXml("/api/wxpay/notify", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).contains("xml");
            assertThat(xmlFields(reply.body())).as(body).containsEntry("return_code", "FAIL").containsKey("return_msg");
        }
    }

    @Test
    void aNotificationForAnotherAmountIsRefused() {
        String orderId = createOrder(newSku(5, 1_000), 1);
        WxPaySimulator wrongAmount = sameMerchant();
        wrongAmount.createOrder(orderId, 1); // one fen instead of ten yuan
        wrongAmount.pay(orderId);

        Response reply = postXml("/api/wxpay/notify", wrongAmount.notificationXml(orderId));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(xmlFields(reply.body())).containsEntry("return_code", "FAIL");
        assertThat(status(orderId)).isEqualTo("UNPAID");
        awaitStatus(orderId, "CLOSED");
    }

    @Test
    void aNotificationForAnUnknownOrderIsRefusedSoThatWeChatResendsIt() {
        WxPaySimulator elsewhere = sameMerchant();
        elsewhere.createOrder("no-such-order", 100);
        elsewhere.pay("no-such-order");

        Response reply = postXml("/api/wxpay/notify", elsewhere.notificationXml("no-such-order"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(xmlFields(reply.body())).containsEntry("return_code", "FAIL");
    }

    @Test
    void aDuplicateNotificationIsAcknowledgedAndChangesNothing() {
        String sku = newSku(5, 1_000);
        String orderId = createOrder(sku, 2);
        assertThat(post("/api/demo/orders/" + orderId + "/pay?notify=true", "").status()).isEqualTo(200);
        String transactionId = simulator().order(orderId).orElseThrow().transactionId().orElseThrow();
        assertThat(status(orderId)).isEqualTo("PAID");

        // WeChat resends notifications; the shop must answer SUCCESS every time and record once.
        for (int i = 0; i < 3; i++) {
            NotificationDelivery again = simulator().sendNotification(orderId, notifyUrl());
            assertThat(again.acknowledged()).isTrue();
        }

        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("transactionId").asString()).isEqualTo(transactionId);
        assertThat(logRows(orderId)).containsExactly("1/1/system");
        assertThat(stock(sku)).isEqualTo(3);
        assertThat(sold(sku)).isEqualTo(2);
    }

    @Test
    void aLateNotificationForAClosedOrderDoesNotReviveItAndIsReported() {
        String sku = newSku(5, 1_000);
        String orderId = createOrder(sku, 2);
        awaitStatus(orderId, "CLOSED");
        assertThat(stock(sku)).isEqualTo(5);
        double latePaymentsBefore = latePaymentsCounted();

        // The payer paid just as the shop closed it: WeChat took the money and notifies the shop.
        simulator().setTradeState(orderId, SimulatedTradeState.SUCCESS);
        String transactionId = simulator().order(orderId).orElseThrow().transactionId().orElseThrow();
        NotificationDelivery delivery = simulator().sendNotification(orderId, notifyUrl());
        assertThat(delivery.acknowledged()).isTrue(); // handled: WeChat must stop resending
        simulator().sendNotification(orderId, notifyUrl()); // and once more, as WeChat would

        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("CLOSED");
        assertThat(order.get("transactionId").isNull()).isTrue();
        assertThat(logRows(orderId)).containsExactly("4/0/system");
        assertThat(stock(sku)).isEqualTo(5);
        assertThat(sold(sku)).isEqualTo(0);

        Response late = get("/api/late-payments");
        assertThat(late.status()).isEqualTo(200);
        JsonNode reported = null;
        int reports = 0;
        for (JsonNode payment : late.json()) {
            if (payment.get("orderId").asString().equals(orderId)) {
                reported = payment;
                reports++;
            }
        }
        assertThat(reports).as("listed once, however often WeChat notifies").isEqualTo(1);
        assertThat(reported.get("transactionId").asString()).isEqualTo(transactionId);
        assertThat(reported.get("totalFee").asLong()).isEqualTo(2_000);
        assertThat(latePaymentsCounted()).isGreaterThan(latePaymentsBefore);

        // Stored, not only kept in memory: WeChat stopped resending on SUCCESS, so the row is all there is.
        assertThat(jdbc.sql("SELECT transaction_id, total_fee FROM tb_late_payment WHERE order_id = ?").param(orderId)
                .query((rs, row) -> rs.getString(1) + "/" + rs.getLong(2)).list())
                .containsExactly(transactionId + "/2000");
    }

    @Test
    void aDatabaseFailureWhileRecordingAPaymentAnswersFailSoThatWeChatResends() {
        String sku = newSku(5, 1_000);
        String orderId = createOrder(sku, 1);
        // tb_order.transaction_id is VARCHAR(64): recording this payment fails in the database.
        String tooLong = "4200".repeat(17);

        Response reply = postXml("/api/wxpay/notify", notification(orderId, 1_000, tooLong));

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).contains("xml");
        assertThat(xmlFields(reply.body())).containsEntry("return_code", "FAIL")
                .containsEntry("return_msg", "could not record the notification, try again later");
        assertThat(reply.body()).doesNotContain("Data too long");
        JsonNode order = order(orderId);
        assertThat(order.get("status").asString()).isEqualTo("UNPAID");
        assertThat(order.get("transactionId").isNull()).isTrue();
        assertThat(logRows(orderId)).isEmpty();
        awaitStatus(orderId, "CLOSED");
        assertThat(stock(sku)).isEqualTo(5);
    }

    @Test
    void aLatePaymentThatCannotBeStoredAnswersFailSoThatWeChatResends() {
        String orderId = createOrder(newSku(5, 1_000), 1);
        awaitStatus(orderId, "CLOSED");
        // tb_late_payment.transaction_id is VARCHAR(64): storing this late payment fails.
        String tooLong = "4200".repeat(17);

        Response reply = postXml("/api/wxpay/notify", notification(orderId, 1_000, tooLong));

        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(xmlFields(reply.body())).containsEntry("return_code", "FAIL");
        assertThat(status(orderId)).isEqualTo("CLOSED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tb_late_payment WHERE order_id = ?").param(orderId)
                .query(Long.class).single()).isZero();
        assertThat(get("/api/late-payments").body()).doesNotContain(orderId);
    }

    /** A correctly signed notification of a payment, as WeChat Pay would send it, with any transaction id. */
    private String notification(String orderId, long totalFee, String transactionId) {
        MerchantAccount account = simulator().account();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("return_code", "SUCCESS");
        fields.put("appid", account.appId());
        fields.put("mch_id", account.mchId());
        fields.put("nonce_str", "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
        fields.put("result_code", "SUCCESS");
        fields.put("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
        fields.put("trade_type", "NATIVE");
        fields.put("bank_type", "CMC");
        fields.put("total_fee", Long.toString(totalFee));
        fields.put("cash_fee", Long.toString(totalFee));
        fields.put("fee_type", "CNY");
        fields.put("transaction_id", transactionId);
        fields.put("out_trade_no", orderId);
        fields.put("time_end", DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(LocalDateTime.now(ZoneId.of("Asia/Shanghai"))));
        if (account.notificationSignType() != WxPaySignType.MD5) {
            fields.put("sign_type", account.notificationSignType().wireName());
        }
        fields.put("sign", new WxPaySigner(account.apiKey(), account.notificationSignType()).sign(fields));
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> xml.append('<').append(name).append("><![CDATA[").append(value).append("]]></")
                .append(name).append('>'));
        return xml.append("</xml>").toString();
    }

    @Test
    void aLatePaymentThroughTheDemoControl() {
        String orderId = createOrder(newSku(5, 1_000), 1);
        awaitStatus(orderId, "CLOSED");

        Response response = post("/api/demo/orders/" + orderId + "/late-payment", "");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().at("/notification/acknowledged").asBoolean()).isTrue();
        assertThat(status(orderId)).isEqualTo("CLOSED");
        assertThat(get("/api/late-payments").body()).contains(orderId);
    }

    private double latePaymentsCounted() {
        return meters.find("delay.close.late.payments").counters().stream().mapToDouble(c -> c.count()).sum();
    }

}
