package io.github.delayclose.alipay;

import java.time.Clock;
import java.util.Objects;

import com.google.gson.JsonObject;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;

/**
 * {@link io.github.delayclose.core.spi.PaymentGateway} for Alipay ({@code alipay.trade.query} and
 * {@code alipay.trade.close}), channel {@value ChannelPaymentGateway#ALIPAY}.
 *
 * <p>Requests are RSA2-signed forms (the Alipay SDK's {@code AlipaySignature} signs and verifies)
 * sent by the gateway's own {@link io.github.delayclose.providerhttp.ProviderHttpClient}: one deadline
 * per call, answers capped while read, no redirects, connections always released. The SDK's own HTTP
 * client is not used. Every answer's {@code *_response} text must verify against Alipay's public key
 * and name the order asked about before it is mapped:
 * <ul>
 *   <li>{@code WAIT_BUYER_PAY} is {@link TradeState#NOTPAY}; {@code TRADE_SUCCESS} and
 *       {@code TRADE_FINISHED} are {@link TradeState#SUCCESS} with the payment ({@code trade_no},
 *       {@code send_pay_date}, {@code total_amount} in fen); {@code TRADE_CLOSED} is
 *       {@link TradeState#CLOSED}, or {@link TradeState#REFUND} when the trade had been paid (Alipay
 *       closes a trade refunded in full); {@code ACQ.TRADE_NOT_EXIST} is {@link TradeState#NOT_FOUND}
 *       (Alipay knows a QR-code trade only once the buyer scanned it);</li>
 *   <li>closing: {@code 10000} is {@link TradeCloseResult#CLOSED}; {@code ACQ.TRADE_STATUS_ERROR} (paid
 *       or closed already) is told apart by a query; {@code ACQ.TRADE_NOT_EXIST} is
 *       {@link TradeCloseResult#ALREADY_CLOSED}, nothing to close;</li>
 *   <li>everything else ({@code ACQ.SYSTEM_ERROR}, other codes, transport failure, timeout, HTTP
 *       error, bad or missing signature, malformed JSON, an unknown status) is a
 *       {@link PaymentGatewayException}.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless between calls.
 */
public final class AlipayPaymentGateway implements ChannelPaymentGateway {

    private static final String QUERY = "alipay.trade.query";

    private static final String CLOSE = "alipay.trade.close";

    private final AlipaySettings settings;

    private final AlipayTransport transport;

    private final AlipayAnswerReader reader;

    private final AlipayAnswerMapping mapping;

    /** A gateway for the app in {@code settings}. */
    public AlipayPaymentGateway(AlipaySettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** For tests: {@code clock} stamps requests and dates payments whose answer lacks {@code send_pay_date}. */
    AlipayPaymentGateway(AlipaySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = new AlipayTransport(settings, Objects.requireNonNull(clock, "clock"));
        this.reader = new AlipayAnswerReader(settings);
        this.mapping = new AlipayAnswerMapping(clock);
    }

    @Override
    public TradeReport queryTrade(String orderId) {
        return mapping.tradeQuery(orderId, call(QUERY, orderId));
    }

    @Override
    public TradeCloseResult closeOrder(String orderId) {
        TradeCloseResult outcome = mapping.closeOutcome(orderId, call(CLOSE, orderId));
        if (outcome != null) {
            return outcome;
        }
        TradeState state = queryTrade(orderId).state();
        if (state.isPaid()) {
            return TradeCloseResult.ALREADY_PAID;
        }
        if (state == TradeState.CLOSED) {
            return TradeCloseResult.ALREADY_CLOSED;
        }
        throw new PaymentGatewayException("Alipay alipay.trade.close for order " + orderId
                + ": ACQ.TRADE_STATUS_ERROR, but the trade is " + state);
    }

    @Override
    public String channel() {
        return ALIPAY;
    }

    /** Alipay's rule for {@code out_trade_no}: 1 to 64 letters, digits or underscores. */
    @Override
    public OrderIdRules orderIdRules() {
        return AlipayOrderIds.RULES;
    }

    private JsonObject call(String method, String orderId) {
        String outTradeNo = AlipayOrderIds.check(orderId);
        String call = method + " for order " + orderId;
        // The id matched [A-Za-z0-9_]: nothing in it needs escaping in JSON.
        String body = transport.call(method, "{\"out_trade_no\":\"" + outTradeNo + "\"}", call);
        return reader.read(method, call, body);
    }

    @Override
    public String toString() {
        return "AlipayPaymentGateway[" + settings + "]";
    }
}
