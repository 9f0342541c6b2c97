package io.github.delayclose.wxpay.v3;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;

/**
 * Reads the payment notifications WeChat Pay v3 POSTs to a shop's {@code notify_url}. The URL is
 * public, so a notification is hostile until proven otherwise: wechatpay-java verifies its signature
 * with WeChat Pay's public key and decrypts its resource (AES-256-GCM, the API v3 key, which also
 * authenticates it); this parser also refuses one whose timestamp is more than 5 minutes off (a
 * replay), and checks that the transaction is for our {@code mchid} and {@code appid}.
 *
 * <pre>{@code
 * try {
 *     WxPayV3Notification notification = parser.parse(headers, body);
 *     if (notification.paid()) { ...record notification.payment().get() for notification.orderId()... }
 *     return ResponseEntity.noContent().build();
 * }
 * catch (WxPayV3NotificationException ex) {
 *     return ResponseEntity.status(400).body(WxPayV3NotificationParser.failReply(ex.getMessage()));
 * }
 * }</pre>
 */
public final class WxPayV3NotificationParser {

    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final WxPayV3Settings settings;

    private final NotificationParser parser;

    private final WxPayV3TransactionMapping mapping;

    private final Clock clock;

    /** A parser for notifications to the merchant in {@code settings}. */
    public WxPayV3NotificationParser(WxPayV3Settings settings) {
        this(settings, Clock.systemUTC());
    }

    WxPayV3NotificationParser(WxPayV3Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.parser = new NotificationParser(settings.notificationConfig());
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapping = new WxPayV3TransactionMapping(settings, clock);
    }

    /**
     * Verifies, decrypts and reads a notification.
     *
     * @param headers the request's headers; names in any case
     * @param body the request's body
     * @throws WxPayV3NotificationException when it cannot be believed
     */
    public WxPayV3Notification parse(Map<String, String> headers, String body) {
        Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        named.putAll(headers);
        String timestamp = required(named, "Wechatpay-Timestamp");
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        }
        catch (NumberFormatException | java.time.DateTimeException ex) {
            throw new WxPayV3NotificationException("notification timestamp " + timestamp + " is not a time");
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
            throw new WxPayV3NotificationException("notification timestamp " + sent + " is more than " + MAX_AGE
                    + " away from now: a replay, or a clock that needs fixing");
        }
        RequestParam request = new RequestParam.Builder()
                .serialNumber(required(named, "Wechatpay-Serial"))
                .nonce(required(named, "Wechatpay-Nonce"))
                .signature(required(named, "Wechatpay-Signature"))
                .signType(named.getOrDefault("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048"))
                .timestamp(timestamp)
                .body(Objects.requireNonNull(body, "body"))
                .build();
        Transaction transaction;
        try {
            transaction = parser.parse(request, Transaction.class);
        }
        catch (RuntimeException ex) {
            throw new WxPayV3NotificationException("notification does not verify or decrypt ("
                    + ex.getClass().getSimpleName() + ")", ex);
        }
        String orderId = transaction == null || transaction.getOutTradeNo() == null ? "" : transaction.getOutTradeNo();
        if (orderId.isEmpty()) {
            throw new WxPayV3NotificationException("notification has no out_trade_no");
        }
        TradeReport report;
        try {
            report = mapping.report("notification", orderId, transaction);
        }
        catch (PaymentGatewayException ex) {
            throw new WxPayV3NotificationException(ex.getMessage());
        }
        long total = transaction.getAmount() == null || transaction.getAmount().getTotal() == null ? -1
                : transaction.getAmount().getTotal();
        return new WxPayV3Notification(orderId, report.state(), report.payment(), total);
    }

    /** The JSON body of a failure reply, which makes WeChat send the notification again. */
    public static String failReply(String message) {
        String text = message == null ? "FAIL" : message.replace("\\", "\\\\").replace("\"", "\\\"");
        return "{\"code\":\"FAIL\",\"message\":\"" + text + "\"}";
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new WxPayV3NotificationException("notification has no " + name + " header");
        }
        return value;
    }

    @Override
    public String toString() {
        return "WxPayV3NotificationParser[" + settings + "]";
    }
}
