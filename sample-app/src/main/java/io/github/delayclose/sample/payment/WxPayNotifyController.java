package io.github.delayclose.sample.payment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.github.delayclose.core.payment.PaymentRecordResult;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.wxpay.WxPayNotification;
import io.github.delayclose.wxpay.WxPayNotificationException;
import io.github.delayclose.wxpay.WxPayNotificationParser;
import io.github.delayclose.sample.shop.ShopQueries;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WeChat Pay v2 payment notification endpoint ({@code notify_url}), and the late payments it saw.
 *
 * <p>The body is hostile until verified: the defaults module's parser refuses DTDs (XXE), checks the
 * signature and the merchant. The amount must match the order's. The payment is then recorded
 * through delay-close's {@link PaymentRecorder}, which is idempotent (WeChat resends notifications)
 * and never revives a closed order: a late payment stays a late payment, stored by {@link LatePayments}.
 *
 * <p>WeChat reads only the XML reply: {@code SUCCESS} stops its resending, {@code FAIL} makes it try
 * again later. {@code SUCCESS} is answered only once the payment (or late payment) is in the
 * database; any failure on the way, such as a database error, answers {@code FAIL} (503 or 500),
 * always as WeChat's XML. The HTTP status says the same for people reading logs.
 */
@RestController
class WxPayNotifyController {

    private static final Log log = LogFactory.getLog(WxPayNotifyController.class);

    /** WeChat's notifications are about 1 KB; anything much longer is not one. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private final WxPayNotificationParser parser;

    private final PaymentRecorder payments;

    private final ShopQueries queries;

    private final LatePayments latePayments;

    WxPayNotifyController(WxPayAccount account, PaymentRecorder payments, ShopQueries queries,
            LatePayments latePayments) {
        this.parser = new WxPayNotificationParser(account.settings());
        this.payments = payments;
        this.queries = queries;
        this.latePayments = latePayments;
    }

    @PostMapping("/api/wxpay/notify")
    ResponseEntity<String> paymentNotification(HttpServletRequest request) throws IOException {
        String body = readBody(request);
        if (body == null) {
            return fail(HttpStatus.CONTENT_TOO_LARGE, "notification longer than " + MAX_BODY_BYTES + " bytes");
        }
        WxPayNotification notification;
        try {
            notification = parser.parse(body);
        }
        catch (WxPayNotificationException ex) {
            log.warn("Refused a WeChat Pay notification from " + request.getRemoteAddr() + ": " + ex.getMessage());
            return fail(HttpStatus.BAD_REQUEST, ex.getMessage());
        }
        try {
            return handle(notification);
        }
        catch (DataAccessException ex) {
            // FAIL, never SUCCESS: WeChat resends the notification later, when the database may be back.
            log.error("Could not record the WeChat Pay notification for order " + notification.orderId()
                    + "; answered FAIL, WeChat Pay will send it again", ex);
            return fail(HttpStatus.SERVICE_UNAVAILABLE, "could not record the notification, try again later");
        }
        catch (RuntimeException ex) {
            log.error("Could not handle the WeChat Pay notification for order " + notification.orderId()
                    + "; answered FAIL, WeChat Pay will send it again", ex);
            return fail(HttpStatus.INTERNAL_SERVER_ERROR, "could not record the notification, try again later");
        }
    }

    /** A verified notification: record it. Any exception means it was not (durably) recorded. */
    private ResponseEntity<String> handle(WxPayNotification notification) {
        String orderId = notification.orderId();
        if (!notification.paid()) {
            // The payment failed; the order stays unpaid and its window closes it as usual.
            log.info("WeChat Pay reports a failed payment for order " + orderId);
            return success();
        }
        Optional<Long> orderFee = queries.totalFee(orderId);
        if (orderFee.isEmpty()) {
            log.warn("WeChat Pay notified a payment for unknown order " + orderId);
            return fail(HttpStatus.NOT_FOUND, "unknown order " + orderId);
        }
        // The amount is checked by delay-close's PaymentRecorder (delay-close.jdbc.order-table.amount-column).
        Payment payment = notification.payment().orElseThrow();
        // A late payment is written to tb_late_payment inside this call (LatePayments); if that fails,
        // the exception comes here and WeChat gets FAIL.
        PaymentRecordResult result = payments.record(orderId, payment);
        log.info("WeChat Pay notification for order " + orderId + " (transaction " + payment.transactionId() + "): "
                + result);
        return switch (result) {
            case RECORDED, DUPLICATE, LATE -> success();
            // Deleted meanwhile; FAIL makes WeChat resend, and someone should look.
            case UNKNOWN_ORDER -> fail(HttpStatus.NOT_FOUND, "unknown order " + orderId);
            case AMOUNT_MISMATCH -> fail(HttpStatus.CONFLICT, "total_fee does not match the order");
        };
    }

    /** Payments that arrived after their order had been closed, newest first. */
    @GetMapping("/api/late-payments")
    List<LatePayments.LatePayment> latePayments() {
        return latePayments.latest();
    }

    /** The body, or {@code null} when it is longer than any notification. */
    private static @Nullable String readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ResponseEntity<String> success() {
        return ResponseEntity.ok().contentType(XML).body(WxPayNotificationParser.successReply());
    }

    private static ResponseEntity<String> fail(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(XML).body(WxPayNotificationParser.failReply(message));
    }
}
