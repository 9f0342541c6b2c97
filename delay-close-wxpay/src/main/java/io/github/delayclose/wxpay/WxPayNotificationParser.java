package io.github.delayclose.wxpay;

import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPayXml;

/**
 * Reads the payment notifications WeChat Pay v2 POSTs to a shop's {@code notify_url}, and writes
 * the replies it expects. JDK only: it does not need wxpay-sdk.
 *
 * <p>The notify URL is public, so its body is hostile until proven otherwise: the parser refuses
 * DTDs (no XXE, no entity expansion), verifies the signature with the configured key and sign type,
 * and checks {@code appid} and {@code mch_id} before returning anything.
 *
 * <pre>{@code
 * try {
 *     WxPayNotification notification = parser.parse(body);
 *     if (notification.paid()) { ...record notification.payment().get() for notification.orderId()... }
 *     return WxPayNotificationParser.successReply();
 * }
 * catch (WxPayNotificationException ex) {
 *     return WxPayNotificationParser.failReply(ex.getMessage()); // WeChat will resend
 * }
 * }</pre>
 */
public final class WxPayNotificationParser {

    private static final String SUCCESS_REPLY =
            "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>";

    private final WxPaySettings settings;

    private final WxPaySigner signer;

    /** A parser for notifications to the merchant account in {@code settings} (its key and sign type). */
    public WxPayNotificationParser(WxPaySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.signer = new WxPaySigner(settings.apiKey(), settings.signType());
    }

    /**
     * Parses and verifies a notification body.
     *
     * @throws WxPayNotificationException when it cannot be believed
     */
    public WxPayNotification parse(String body) {
        Map<String, String> fields;
        try {
            fields = WxPayXml.parse(body);
        }
        catch (WxPayXml.MalformedException ex) {
            throw new WxPayNotificationException("unreadable notification: " + ex.getMessage());
        }
        if (!"SUCCESS".equals(fields.get("return_code"))) {
            throw new WxPayNotificationException("notification with return_code " + fields.get("return_code")
                    + " carries no payment");
        }
        String signType = fields.get("sign_type");
        // WeChat signs notifications like the order's unifiedorder request; sign_type is optional
        // and may be absent even for HMAC-SHA256, so the configured type decides and a different
        // declared one is refused.
        if (signType != null && !signType.isEmpty() && !signType.equals(settings.signType().wireName())) {
            throw new WxPayNotificationException("notification is signed with " + signType + ", expected "
                    + settings.signType().wireName());
        }
        if (!signer.isValid(fields)) {
            throw new WxPayNotificationException(fields.containsKey("sign") ? "notification signature does not verify"
                    : "notification is not signed");
        }
        if (!settings.appId().equals(fields.get("appid")) || !settings.mchId().equals(fields.get("mch_id"))) {
            throw new WxPayNotificationException("notification is for appid " + fields.get("appid") + " / mch_id "
                    + fields.get("mch_id") + ", not ours");
        }
        String orderId = required(fields, "out_trade_no");
        String resultCode = required(fields, "result_code");
        if ("FAIL".equals(resultCode)) {
            Long totalFee = totalFee(fields);
            return new WxPayNotification(orderId, resultCode, Optional.empty(), totalFee == null ? -1 : totalFee);
        }
        if (!"SUCCESS".equals(resultCode)) {
            throw new WxPayNotificationException("unknown result_code " + resultCode);
        }
        required(fields, "total_fee"); // a payment without its amount cannot be checked against the order
        long totalFee = totalFee(fields);
        Payment payment;
        try {
            payment = new Payment(required(fields, "transaction_id"), WxPayTimeEnd.parse(required(fields, "time_end")),
                    totalFee);
        }
        catch (DateTimeParseException ex) {
            throw new WxPayNotificationException("time_end " + fields.get("time_end") + " is not yyyyMMddHHmmss");
        }
        return new WxPayNotification(orderId, resultCode, Optional.of(payment), totalFee);
    }

    /** The reply that tells WeChat the notification was handled, so it stops resending it. */
    public static String successReply() {
        return SUCCESS_REPLY;
    }

    /** The reply that tells WeChat the notification was not handled; WeChat will resend it later. */
    public static String failReply(String message) {
        String text = message == null ? "FAIL" : message.replace("]]>", "]]]]><![CDATA[>");
        return "<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[" + text
                + "]]></return_msg></xml>";
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isBlank()) {
            throw new WxPayNotificationException("notification has no " + name);
        }
        return value;
    }

    /** The amount, or {@code null} when the notification does not state it. */
    private static Long totalFee(Map<String, String> fields) {
        try {
            return WxPayTotalFee.parse(fields.get("total_fee"));
        }
        catch (IllegalArgumentException ex) {
            throw new WxPayNotificationException(ex.getMessage());
        }
    }

    @Override
    public String toString() {
        return "WxPayNotificationParser[" + settings + "]";
    }
}
