package io.github.delayclose.wxpay.v3;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.wechat.pay.java.service.payments.model.Transaction;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import org.jspecify.annotations.Nullable;

/**
 * Maps a verified v3 {@link Transaction} onto the SPI's types, after checking that it is about this
 * merchant, this app and this order. Every {@code trade_state} WeChat documents maps one to one; a
 * paid transaction must carry its {@code transaction_id}, and its {@code amount.total} becomes the
 * payment's amount. Anything else is a {@link PaymentGatewayException}.
 */
final class WxPayV3TransactionMapping {

    private final WxPayV3Settings settings;

    private final Clock clock;

    WxPayV3TransactionMapping(WxPayV3Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    TradeReport report(String call, String orderId, @Nullable Transaction transaction) {
        if (transaction == null) {
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": answer has no transaction");
        }
        // A signature proves only that WeChat sent the answer, not that it answers this query.
        if (!settings.mchId().equals(transaction.getMchid()) || !settings.appId().equals(transaction.getAppid())) {
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": answer is for mchid " + transaction.getMchid()
                    + " / appid " + transaction.getAppid() + ", not ours");
        }
        if (!orderId.equals(transaction.getOutTradeNo())) {
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": answer is about order "
                    + transaction.getOutTradeNo() + ", not " + orderId + "; not trusted");
        }
        if (transaction.getTradeState() == null) {
            // Gson leaves a trade_state it does not know as null.
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": answer has no trade_state it knows");
        }
        TradeState state = switch (transaction.getTradeState()) {
            case SUCCESS -> TradeState.SUCCESS;
            case REFUND -> TradeState.REFUND;
            case NOTPAY -> TradeState.NOTPAY;
            case CLOSED -> TradeState.CLOSED;
            case REVOKED -> TradeState.REVOKED;
            case USERPAYING -> TradeState.USERPAYING;
            case PAYERROR -> TradeState.PAYERROR;
            case ACCEPT -> TradeState.ACCEPT;
        };
        return state.isPaid() ? TradeReport.paid(state, payment(call, transaction)) : TradeReport.unpaid(state);
    }

    Payment payment(String call, Transaction transaction) {
        String transactionId = transaction.getTransactionId();
        if (transactionId == null || transactionId.isBlank()) {
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": paid but no transaction_id");
        }
        Integer total = transaction.getAmount() == null ? null : transaction.getAmount().getTotal();
        if (total == null || total < 0) {
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": paid but no amount.total");
        }
        return new Payment(transactionId, paidAt(call, transaction.getSuccessTime()), total.longValue());
    }

    private Instant paidAt(String call, @Nullable String successTime) {
        if (successTime == null || successTime.isEmpty()) {
            return clock.instant(); // the payment is certain; only its time is missing
        }
        try {
            return OffsetDateTime.parse(successTime).toInstant();
        }
        catch (DateTimeParseException ex) {
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": success_time " + successTime
                    + " is not an RFC 3339 time");
        }
    }
}
