package io.github.delayclose.wxpay;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;

/**
 * Maps verified {@code orderquery} and {@code closeorder} answers onto the SPI's types. Only values
 * WeChat documents are mapped; anything else is a {@link PaymentGatewayException}, never a guess. A
 * paid answer's {@code total_fee} becomes the payment's amount when present; one that is not a
 * whole number of fen makes the whole answer untrustworthy.
 */
final class WxPayAnswerMapping {

    private final Clock clock;

    WxPayAnswerMapping(Clock clock) {
        this.clock = clock;
    }

    TradeReport tradeQuery(String orderId, Map<String, String> answer) {
        String call = "orderquery for order " + orderId;
        if ("FAIL".equals(answer.get("result_code"))) {
            if ("ORDERNOTEXIST".equals(answer.get("err_code"))) {
                return TradeReport.unpaid(TradeState.NOT_FOUND);
            }
            throw businessError(call, answer);
        }
        String outTradeNo = answer.get("out_trade_no");
        boolean namesAnOrder = outTradeNo != null && !outTradeNo.isEmpty();
        if (namesAnOrder && !outTradeNo.equals(orderId)) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": answer is about order " + outTradeNo
                    + ", not " + orderId + "; not trusted");
        }
        TradeState state = tradeState(call, answer.get("trade_state"));
        if (!state.isPaid()) {
            return TradeReport.unpaid(state);
        }
        // A paid answer makes the shop mark this order paid, so it must name the order itself: a
        // signature proves only that WeChat sent it, not that it answers this query.
        if (!namesAnOrder) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": paid (" + answer.get("trade_state")
                    + ") but the answer has no out_trade_no, so it cannot be matched to the order");
        }
        return TradeReport.paid(state, payment(call, answer));
    }

    TradeCloseResult closeOutcome(String orderId, Map<String, String> answer) {
        if ("SUCCESS".equals(answer.get("result_code"))) {
            return TradeCloseResult.CLOSED;
        }
        String errCode = answer.get("err_code");
        if ("ORDERCLOSED".equals(errCode)) {
            return TradeCloseResult.ALREADY_CLOSED;
        }
        if ("ORDERPAID".equals(errCode)) {
            return TradeCloseResult.ALREADY_PAID;
        }
        throw businessError("closeorder for order " + orderId, answer);
    }

    private static TradeState tradeState(String call, String value) {
        if (value == null) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": answer has no trade_state");
        }
        // An explicit list rather than valueOf: NOT_FOUND is ours, not a WeChat value.
        return switch (value) {
            case "SUCCESS" -> TradeState.SUCCESS;
            case "REFUND" -> TradeState.REFUND;
            case "NOTPAY" -> TradeState.NOTPAY;
            case "CLOSED" -> TradeState.CLOSED;
            case "REVOKED" -> TradeState.REVOKED;
            case "USERPAYING" -> TradeState.USERPAYING;
            case "PAYERROR" -> TradeState.PAYERROR;
            case "ACCEPT" -> TradeState.ACCEPT;
            default -> throw new PaymentGatewayException("WeChat Pay " + call + ": unknown trade_state " + value);
        };
    }

    private Payment payment(String call, Map<String, String> answer) {
        String transactionId = answer.get("transaction_id");
        if (transactionId == null || transactionId.isBlank()) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": paid (" + answer.get("trade_state")
                    + ") but no transaction_id");
        }
        return new Payment(transactionId, paidAt(call, answer.get("time_end")), amount(call, answer.get("total_fee")));
    }

    private static Long amount(String call, String totalFee) {
        try {
            return WxPayTotalFee.parse(totalFee);
        }
        catch (IllegalArgumentException ex) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": " + ex.getMessage());
        }
    }

    private Instant paidAt(String call, String timeEnd) {
        if (timeEnd == null || timeEnd.isEmpty()) {
            // The payment itself is certain; only its time is missing. Payment documents this fallback.
            return clock.instant();
        }
        try {
            return WxPayTimeEnd.parse(timeEnd);
        }
        catch (DateTimeParseException ex) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": time_end " + timeEnd
                    + " is not yyyyMMddHHmmss");
        }
    }

    private static PaymentGatewayException businessError(String call, Map<String, String> answer) {
        return new PaymentGatewayException("WeChat Pay " + call + ": err_code " + answer.get("err_code")
                + " (" + answer.getOrDefault("err_code_des", "no description") + ")");
    }
}
