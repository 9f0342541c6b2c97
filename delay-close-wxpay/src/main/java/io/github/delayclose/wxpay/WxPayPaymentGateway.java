package io.github.delayclose.wxpay;

import io.github.delayclose.wxpay.protocol.WxPaySigner;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;

/**
 * {@link PaymentGateway} for WeChat Pay v2 ({@code /pay/orderquery} and {@code /pay/closeorder}),
 * built on wxpay-sdk 0.0.3, which must be on the class path.
 *
 * <p>Every answer is parsed by a parser that refuses DTDs and verified against the configured key
 * and sign type before it is mapped. {@code trade_state} values map one to one onto
 * {@link io.github.delayclose.core.spi.TradeState}, {@code ORDERNOTEXIST} onto {@code NOT_FOUND};
 * {@code closeorder} maps {@code ORDERCLOSED} and {@code ORDERPAID} onto
 * {@link TradeCloseResult#ALREADY_CLOSED} and {@link TradeCloseResult#ALREADY_PAID}. Every other answer
 * (transport failure, timeout, {@code SYSTEMERROR}, {@code return_code FAIL}, a bad or missing
 * signature, malformed XML, a value WeChat does not document) is a {@link PaymentGatewayException}.
 *
 * <p>Thread-safe and stateless between calls. WeChat refuses to close an order in the first five
 * minutes after it was created; see {@link WxPayTimeoutCheck}.
 */
public final class WxPayPaymentGateway implements PaymentGateway {

    private final WxPayTransport transport;

    private final WxPayAnswerReader reader;

    private final WxPayAnswerMapping mapping;

    private final WxPaySettings settings;

    /** A gateway for the merchant account in {@code settings}. */
    public WxPayPaymentGateway(WxPaySettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** For tests: {@code clock} dates payments whose answer lacks {@code time_end}. */
    WxPayPaymentGateway(WxPaySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = new WxPayTransport(settings);
        this.reader = new WxPayAnswerReader(settings, new WxPaySigner(settings.apiKey(), settings.signType()));
        this.mapping = new WxPayAnswerMapping(Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public TradeReport queryTrade(String orderId) {
        return mapping.tradeQuery(orderId, call("orderquery", orderId));
    }

    @Override
    public TradeCloseResult closeOrder(String orderId) {
        return mapping.closeOutcome(orderId, call("closeorder", orderId));
    }

    private Map<String, String> call(String api, String orderId) {
        String outTradeNo = WxPayOrderIds.check(orderId);
        String call = api + " for order " + orderId;
        String body;
        try {
            body = transport.post(api, Map.of("out_trade_no", outTradeNo));
        }
        catch (WxPayTransport.TransportException ex) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": " + ex.getMessage(), ex);
        }
        return reader.read(call, body);
    }

    @Override
    public String toString() {
        return "WxPayPaymentGateway[" + settings + "]";
    }
}
