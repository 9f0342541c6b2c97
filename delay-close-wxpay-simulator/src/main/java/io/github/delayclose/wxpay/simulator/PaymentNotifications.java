package io.github.delayclose.wxpay.simulator;

import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPayXml;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

/**
 * The payment notification WeChat POSTs to a shop's {@code notify_url} once an order is paid:
 * building its signed XML, and delivering it.
 */
public final class PaymentNotifications {

    /** WeChat's {@code time_end} format, in China Standard Time. */
    static final DateTimeFormatter TIME_END = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private PaymentNotifications() {
    }

    /**
     * The signed notification for a paid order, signed with the account's
     * {@linkplain MerchantAccount#notificationSignType() notification sign type}.
     *
     * @throws IllegalStateException when the order is not paid
     */
    public static String signedXml(MerchantAccount account, SimulatedOrder order) {
        Objects.requireNonNull(account, "account");
        if (!order.tradeState().isPaid()) {
            throw new IllegalStateException("order " + order.outTradeNo() + " is " + order.tradeState()
                    + ": only paid orders are notified");
        }
        Map<String, String> fields = WxPaySimulator.successEnvelope(account);
        fields.put("openid", WxPaySimulator.PAYER_OPENID);
        fields.put("is_subscribe", "N");
        fields.put("trade_type", "NATIVE");
        fields.put("bank_type", "CMC");
        fields.put("total_fee", Long.toString(order.totalFee()));
        fields.put("cash_fee", Long.toString(order.totalFee()));
        fields.put("fee_type", "CNY");
        fields.put("transaction_id", order.transactionId().orElseThrow());
        fields.put("out_trade_no", order.outTradeNo());
        fields.put("time_end", TIME_END.format(order.timeEnd().orElseThrow()));
        if (account.notificationSignType() != WxPaySignType.MD5) {
            // Optional in WeChat's notification; MD5 is assumed when it is missing.
            fields.put("sign_type", account.notificationSignType().wireName());
        }
        fields.put("sign", new WxPaySigner(account.apiKey(), account.notificationSignType()).sign(fields));
        return WxPayXml.write(fields);
    }

    /**
     * POSTs a notification body to a shop, as WeChat would.
     *
     * @throws UncheckedIOException when the shop cannot be reached
     */
    public static NotificationDelivery post(URI notifyUrl, String xml) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(notifyUrl)
                .timeout(TIMEOUT)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new NotificationDelivery(response.statusCode(), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not deliver the notification to " + notifyUrl, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering the notification to " + notifyUrl, ex);
        }
    }
}
