package io.github.delayclose.alipay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import io.github.delayclose.core.spi.Payment;

/**
 * Reads the asynchronous notifications Alipay POSTs to a shop's {@code notify_url}. The URL is
 * public, so a body is hostile until proven otherwise: the signature (RSA2, over every field but
 * {@code sign} and {@code sign_type}, the Alipay SDK's {@code rsaCheckV1}) must verify against
 * Alipay's public key and {@code app_id} must be ours before anything is returned.
 *
 * <pre>{@code
 * try {
 *     AlipayNotification notification = parser.parse(formBody);
 *     if (notification.paid()) { ...record notification.payment().get() for notification.orderId()... }
 *     return AlipayNotificationParser.SUCCESS_REPLY;
 * }
 * catch (AlipayNotificationException ex) {
 *     return AlipayNotificationParser.FAILURE_REPLY; // Alipay will send it again
 * }
 * }</pre>
 */
public final class AlipayNotificationParser {

    /** The reply that tells Alipay the notification was handled. */
    public static final String SUCCESS_REPLY = "success";

    /** The reply that tells Alipay to send the notification again later. */
    public static final String FAILURE_REPLY = "failure";

    private final AlipaySettings settings;

    /** A parser for notifications to the app in {@code settings}. */
    public AlipayNotificationParser(AlipaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Parses and verifies a notification's form body ({@code application/x-www-form-urlencoded}).
     *
     * @throws AlipayNotificationException when it cannot be believed
     */
    public AlipayNotification parse(String formBody) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : Objects.requireNonNull(formBody, "formBody").split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                fields.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            catch (IllegalArgumentException ex) {
                throw new AlipayNotificationException("unreadable notification: bad form encoding");
            }
        }
        return parse(fields);
    }

    /**
     * Parses and verifies a notification's fields, as a servlet's request parameters give them.
     *
     * @throws AlipayNotificationException when it cannot be believed
     */
    public AlipayNotification parse(Map<String, String> fields) {
        if (!fields.containsKey("sign")) {
            throw new AlipayNotificationException("notification is not signed");
        }
        if (!"RSA2".equals(fields.get("sign_type"))) {
            throw new AlipayNotificationException("notification is signed with " + fields.get("sign_type")
                    + ", expected RSA2");
        }
        boolean valid;
        try {
            valid = AlipaySignature.rsaCheckV1(new HashMap<>(fields), settings.alipayPublicKey(), "utf-8", "RSA2");
        }
        catch (AlipayApiException ex) {
            valid = false;
        }
        if (!valid) {
            throw new AlipayNotificationException("notification signature does not verify");
        }
        if (!settings.appId().equals(fields.get("app_id"))) {
            throw new AlipayNotificationException("notification is for app_id " + fields.get("app_id") + ", not ours");
        }
        String orderId = required(fields, "out_trade_no");
        String status = required(fields, "trade_status");
        long totalFen;
        try {
            totalFen = AlipayValues.fen(required(fields, "total_amount"));
        }
        catch (IllegalArgumentException ex) {
            throw new AlipayNotificationException("total_amount " + ex.getMessage());
        }
        return switch (status) {
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> new AlipayNotification(orderId, status,
                    Optional.of(new Payment(required(fields, "trade_no"), paidAt(required(fields, "gmt_payment")), totalFen)),
                    totalFen);
            case "WAIT_BUYER_PAY", "TRADE_CLOSED" -> new AlipayNotification(orderId, status, Optional.empty(), totalFen);
            default -> throw new AlipayNotificationException("unknown trade_status " + status);
        };
    }

    private static java.time.Instant paidAt(String gmtPayment) {
        try {
            return AlipayValues.time(gmtPayment);
        }
        catch (DateTimeParseException ex) {
            throw new AlipayNotificationException("gmt_payment " + gmtPayment + " is not yyyy-MM-dd HH:mm:ss");
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new AlipayNotificationException("notification has no " + name);
        }
        return value;
    }

    @Override
    public String toString() {
        return "AlipayNotificationParser[" + settings + "]";
    }
}
