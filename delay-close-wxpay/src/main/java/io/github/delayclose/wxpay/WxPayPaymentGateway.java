package io.github.delayclose.wxpay;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.providerhttp.ProviderHttpClient;
import io.github.delayclose.providerhttp.ProviderHttpException;
import io.github.delayclose.wxpay.protocol.WxPaySigner;

/**
 * {@link PaymentGateway} for WeChat Pay v2 ({@code /pay/orderquery} and {@code /pay/closeorder}).
 *
 * <p>Requests are signed XML sent by the gateway's own {@link ProviderHttpClient}, one per gateway:
 * every call has one deadline ({@link WxPaySettings#callTimeout()}), answers are capped while they
 * are read, redirects are refused and connections are always released. Every answer is parsed by a
 * parser that refuses DTDs and verified against the configured key and sign type before it is
 * mapped; a paid answer's {@code total_fee} becomes the payment's amount. {@code trade_state} values map one to one onto
 * {@link io.github.delayclose.core.spi.TradeState}, {@code ORDERNOTEXIST} onto {@code NOT_FOUND};
 * {@code closeorder} maps {@code ORDERCLOSED} and {@code ORDERPAID} onto
 * {@link TradeCloseResult#ALREADY_CLOSED} and {@link TradeCloseResult#ALREADY_PAID}. Every other answer
 * (transport failure, timeout, {@code SYSTEMERROR}, {@code return_code FAIL}, a bad or missing
 * signature, malformed XML, a value WeChat does not document) is a {@link PaymentGatewayException}.
 *
 * <p>Order ids must be valid {@code out_trade_no} values ({@link #orderIdRules()}).
 *
 * <p>Its channel is {@value ChannelPaymentGateway#WXPAY}, for shops that also take other channels.
 *
 * <p>Thread-safe and stateless between calls. WeChat refuses to close an order in the first five
 * minutes after it was created; see {@link WxPayTimeoutCheck}.
 */
public final class WxPayPaymentGateway implements ChannelPaymentGateway {

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
        WxPaySigner signer = new WxPaySigner(settings.apiKey(), settings.signType());
        this.transport = new WxPayTransport(settings, new WxPaySignedRequests(settings, signer));
        this.reader = new WxPayAnswerReader(settings, signer);
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

    @Override
    public String channel() {
        return WXPAY;
    }

    /** WeChat Pay's rule for {@code out_trade_no}: 1 to 32 letters, digits or {@code _-|*@}. */
    @Override
    public OrderIdRules orderIdRules() {
        return WxPayOrderIds.RULES;
    }

    private Map<String, String> call(String api, String orderId) {
        String outTradeNo = WxPayOrderIds.check(orderId);
        String call = api + " for order " + orderId;
        String body;
        try {
            body = transport.post(api, Map.of("out_trade_no", outTradeNo));
        }
        catch (ProviderHttpException ex) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": " + ex.getMessage(), ex);
        }
        return reader.read(call, body);
    }

    @Override
    public String toString() {
        return "WxPayPaymentGateway[" + settings + "]";
    }
}
