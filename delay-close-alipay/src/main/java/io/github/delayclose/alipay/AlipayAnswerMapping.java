package io.github.delayclose.alipay;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.google.gson.JsonObject;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;

/**
 * Maps verified {@code alipay.trade.query} and {@code alipay.trade.close} responses onto the SPI's
 * types. Only codes and statuses Alipay documents are mapped; anything else is a
 * {@link PaymentGatewayException}, never a guess.
 */
final class AlipayAnswerMapping {

    static final String SUCCESS = "10000";

    static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";

    static final String TRADE_STATUS_ERROR = "ACQ.TRADE_STATUS_ERROR";

    private final Clock clock;

    AlipayAnswerMapping(Clock clock) {
        this.clock = clock;
    }

    TradeReport tradeQuery(String orderId, JsonObject response) {
        String call = "alipay.trade.query for order " + orderId;
        if (!SUCCESS.equals(AlipayAnswerReader.text(response, "code"))) {
            if (TRADE_NOT_EXIST.equals(AlipayAnswerReader.text(response, "sub_code"))) {
                return TradeReport.unpaid(TradeState.NOT_FOUND);
            }
            throw businessError(call, response);
        }
        requireOrder(call, orderId, response, true);
        String status = AlipayAnswerReader.text(response, "trade_status");
        if (status == null) {
            throw new PaymentGatewayException("Alipay " + call + ": answer has no trade_status");
        }
        return switch (status) {
            case "WAIT_BUYER_PAY" -> TradeReport.unpaid(TradeState.NOTPAY);
            case "TRADE_SUCCESS", "TRADE_FINISHED" -> TradeReport.paid(TradeState.SUCCESS, payment(call, response, true));
            // TRADE_CLOSED is both "closed unpaid" and "paid, then refunded in full"; only the
            // latter has a payment date.
            case "TRADE_CLOSED" -> AlipayAnswerReader.text(response, "send_pay_date") == null
                    ? TradeReport.unpaid(TradeState.CLOSED)
                    : TradeReport.paid(TradeState.REFUND, payment(call, response, true));
            default -> throw new PaymentGatewayException("Alipay " + call + ": unknown trade_status " + status);
        };
    }

    /**
     * @return the outcome, or {@code null} when Alipay answered {@code ACQ.TRADE_STATUS_ERROR}: the trade
     *     was paid or closed already, and only a query tells which
     */
    TradeCloseResult closeOutcome(String orderId, JsonObject response) {
        String call = "alipay.trade.close for order " + orderId;
        if (SUCCESS.equals(AlipayAnswerReader.text(response, "code"))) {
            requireOrder(call, orderId, response, false);
            return TradeCloseResult.CLOSED;
        }
        String subCode = AlipayAnswerReader.text(response, "sub_code");
        if (TRADE_NOT_EXIST.equals(subCode)) {
            // Alipay creates a trade only when the buyer scans or opens the payment: there is nothing
            // to close, and the decision table closes an order unknown to the provider locally.
            return TradeCloseResult.ALREADY_CLOSED;
        }
        if (TRADE_STATUS_ERROR.equals(subCode)) {
            return null;
        }
        throw businessError(call, response);
    }

    private static void requireOrder(String call, String orderId, JsonObject response, boolean required) {
        String outTradeNo = AlipayAnswerReader.text(response, "out_trade_no");
        if (outTradeNo == null && !required) {
            return;
        }
        // A signature proves only that Alipay sent the answer, not that it answers this query.
        if (!orderId.equals(outTradeNo)) {
            throw new PaymentGatewayException("Alipay " + call + ": answer is about order " + outTradeNo + ", not "
                    + orderId + "; not trusted");
        }
    }

    private Payment payment(String call, JsonObject response, boolean needsAmount) {
        String tradeNo = AlipayAnswerReader.text(response, "trade_no");
        if (tradeNo == null || tradeNo.isBlank()) {
            throw new PaymentGatewayException("Alipay " + call + ": paid but no trade_no");
        }
        String totalAmount = AlipayAnswerReader.text(response, "total_amount");
        Long fen;
        try {
            fen = totalAmount == null && !needsAmount ? null : AlipayValues.fen(totalAmount);
        }
        catch (IllegalArgumentException ex) {
            throw new PaymentGatewayException("Alipay " + call + ": total_amount " + ex.getMessage());
        }
        return new Payment(tradeNo, paidAt(call, AlipayAnswerReader.text(response, "send_pay_date")), fen);
    }

    private Instant paidAt(String call, String sendPayDate) {
        if (sendPayDate == null || sendPayDate.isEmpty()) {
            return clock.instant(); // the payment is certain; only its time is missing
        }
        try {
            return AlipayValues.time(sendPayDate);
        }
        catch (DateTimeParseException ex) {
            throw new PaymentGatewayException("Alipay " + call + ": send_pay_date " + sendPayDate
                    + " is not yyyy-MM-dd HH:mm:ss");
        }
    }

    private static PaymentGatewayException businessError(String call, JsonObject response) {
        return new PaymentGatewayException("Alipay " + call + ": " + AlipayAnswerReader.describe(response));
    }
}
