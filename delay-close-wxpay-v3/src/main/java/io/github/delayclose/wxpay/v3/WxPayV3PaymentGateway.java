package io.github.delayclose.wxpay.v3;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.providerhttp.ProviderHttpException;

/**
 * {@link io.github.delayclose.core.spi.PaymentGateway} for WeChat Pay API v3 (query by
 * {@code out_trade_no}, close), channel {@value ChannelPaymentGateway#WXPAY}, on wechatpay-java's
 * services with delay-close's HTTP transport plugged in ({@link WxPayV3HttpClient}).
 *
 * <p>wechatpay-java signs each request ({@code WECHATPAY2-SHA256-RSA2048}) and verifies each answer's
 * signature with WeChat Pay's public key, refusing answers more than 5 minutes old; error answers are
 * verified too. A verified transaction must name our {@code mchid}, {@code appid} and the order asked
 * about. Then:
 * <ul>
 *   <li>every {@code trade_state} maps one to one onto {@link TradeState}; {@code 404 ORDER_NOT_EXIST}
 *       is {@link TradeState#NOT_FOUND};</li>
 *   <li>closing answers {@code 204}: {@link TradeCloseResult#CLOSED}. Any other answer that is not a
 *       server error is told apart by a query: paid is {@link TradeCloseResult#ALREADY_PAID}, closed
 *       or revoked {@link TradeCloseResult#ALREADY_CLOSED};</li>
 *   <li>everything else (transport failure, timeout, 5xx such as {@code SYSTEM_ERROR}, a bad, missing
 *       or stale signature, malformed JSON, an unknown state) is a {@link PaymentGatewayException}.</li>
 * </ul>
 *
 * <p>Thread-safe and stateless between calls. WeChat refuses to close an order in the first five
 * minutes after it was created, as with v2.
 */
public final class WxPayV3PaymentGateway implements ChannelPaymentGateway {

    /** WeChat Pay's rule for {@code out_trade_no}: 6 to 32 letters, digits or {@code _-|*}. */
    static final OrderIdRules RULES = OrderIdRules.of("[0-9A-Za-z_\\-|*]{6,32}", "6 to 32 letters, digits or _-|*");

    private final WxPayV3Settings settings;

    private final NativePayService service;

    private final WxPayV3TransactionMapping mapping;

    /** A gateway for the merchant in {@code settings}. */
    public WxPayV3PaymentGateway(WxPayV3Settings settings) {
        this(settings, Clock.systemUTC());
    }

    /** For tests: {@code clock} dates payments whose answer lacks {@code success_time}. */
    WxPayV3PaymentGateway(WxPayV3Settings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.service = new NativePayService.Builder().httpClient(new WxPayV3HttpClient(settings, settings.config()))
                .build();
        this.mapping = new WxPayV3TransactionMapping(settings, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public TradeReport queryTrade(String orderId) {
        String call = "query for order " + orderId;
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setMchid(settings.mchId());
        request.setOutTradeNo(check(orderId));
        try {
            return mapping.report(call, orderId, sdk(call, () -> service.queryOrderByOutTradeNo(request)));
        }
        catch (ServiceException ex) {
            if (ex.getHttpStatusCode() == 404 && "ORDER_NOT_EXIST".equals(ex.getErrorCode())) {
                return TradeReport.unpaid(TradeState.NOT_FOUND);
            }
            throw serviceError(call, ex);
        }
    }

    @Override
    public TradeCloseResult closeOrder(String orderId) {
        String call = "close for order " + orderId;
        CloseOrderRequest request = new CloseOrderRequest();
        request.setMchid(settings.mchId());
        request.setOutTradeNo(check(orderId));
        try {
            sdk(call, () -> {
                service.closeOrder(request);
                return null;
            });
            return TradeCloseResult.CLOSED;
        }
        catch (ServiceException ex) {
            if (ex.getHttpStatusCode() >= 500 || ex.getHttpStatusCode() == 429) {
                throw serviceError(call, ex);
            }
            // ORDERPAID, ORDER_CLOSED and the like: only the order's state says what happened.
            TradeState state = queryTrade(orderId).state();
            if (state.isPaid()) {
                return TradeCloseResult.ALREADY_PAID;
            }
            if (state == TradeState.CLOSED || state == TradeState.REVOKED) {
                return TradeCloseResult.ALREADY_CLOSED;
            }
            throw new PaymentGatewayException(serviceError(call, ex).getMessage() + "; the order is " + state, ex);
        }
    }

    @Override
    public String channel() {
        return WXPAY;
    }

    /** WeChat Pay's rule for {@code out_trade_no}: 6 to 32 letters, digits or {@code _-|*}. */
    @Override
    public OrderIdRules orderIdRules() {
        return RULES;
    }

    /** Runs an SDK call; every failure but WeChat's own error answer becomes a {@link PaymentGatewayException}. */
    private static <T> T sdk(String call, Supplier<T> action) {
        try {
            return action.get();
        }
        catch (ServiceException | PaymentGatewayException ex) {
            throw ex;
        }
        catch (ProviderHttpException ex) {
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": " + ex.getMessage(), ex);
        }
        catch (ValidationException ex) {
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": answer signature does not verify with the "
                    + "configured WeChat Pay public key; ignoring it");
        }
        catch (RuntimeException ex) {
            // Malformed JSON, an unexpected content type, a stale or missing timestamp: never a guess.
            throw new PaymentGatewayException("WeChat Pay v3 " + call + ": unusable answer ("
                    + ex.getClass().getSimpleName() + ")", ex);
        }
    }

    private static PaymentGatewayException serviceError(String call, ServiceException ex) {
        return new PaymentGatewayException("WeChat Pay v3 " + call + ": HTTP " + ex.getHttpStatusCode() + " "
                + ex.getErrorCode() + " (" + ex.getErrorMessage() + ")", ex);
    }

    private static String check(String orderId) {
        if (!RULES.accepts(orderId)) {
            throw new PaymentGatewayException("order id " + orderId + " cannot be a WeChat Pay out_trade_no ("
                    + RULES.description() + ")");
        }
        return orderId;
    }

    @Override
    public String toString() {
        return "WxPayV3PaymentGateway[" + settings + "]";
    }
}
