package io.github.delayclose.core.gateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PaymentGateway} of a shop that takes several payment channels: each order is checked on
 * the gateway of the channel it was paid through, and an order whose channel is not known (yet) on
 * all of them.
 *
 * <p><b>Known channel.</b> Both calls go to that channel's gateway alone. A channel no gateway serves
 * is a {@link PaymentGatewayException} naming it: the order is retried and finally parked, never
 * closed on a guess.
 *
 * <p><b>Unknown channel.</b> An order that has not chosen a channel may have been paid through any of
 * them, so:
 * <ul>
 *   <li>the query asks every gateway. A paid answer from any of them wins, even if another failed:
 *       the payment is certain. Otherwise any failure fails the query, because the failing provider
 *       might hold the payment. Then a state that may still change (USERPAYING) wins, then NOTPAY
 *       (something to close), then the state of a provider that knows the order (CLOSED, REVOKED,
 *       PAYERROR); {@link TradeState#NOT_FOUND} only when no provider knows it;</li>
 *   <li>the close asks every gateway for the order's state again and closes it at each provider
 *       that knows it and has not closed it; a provider that reports it paid makes the close
 *       {@link TradeCloseResult#ALREADY_PAID}, so the order is recorded as paid instead. The order is
 *       therefore closed locally only when no provider reports it paid, and closed at every provider
 *       that knows it.</li>
 * </ul>
 *
 * <p>Calls to the gateways run one after the other, in the order they were given. Thread-safe when
 * the gateways are.
 */
public final class RoutingPaymentGateway implements PaymentGateway {

    private static final Log log = LogFactory.getLog(RoutingPaymentGateway.class);

    private final Map<String, PaymentGateway> byChannel;

    private final OrderIdRules orderIdRules;

    /**
     * @param byChannel each channel's gateway, in the order an order of unknown channel is checked;
     *     channel names are compared without regard to case, so two that differ only in case are refused
     */
    public RoutingPaymentGateway(Map<String, ? extends PaymentGateway> byChannel) {
        Objects.requireNonNull(byChannel, "byChannel");
        if (byChannel.isEmpty()) {
            throw new IllegalArgumentException("a routing gateway needs at least one channel's gateway");
        }
        Map<String, PaymentGateway> gateways = new LinkedHashMap<>();
        byChannel.forEach((channel, gateway) -> {
            String key = key(Objects.requireNonNull(channel, "channel"));
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a channel name must not be blank");
            }
            if (gateways.putIfAbsent(key, Objects.requireNonNull(gateway, "gateway")) != null) {
                throw new IllegalArgumentException("two payment gateways serve channel '" + key + "': "
                        + gateways.get(key) + " and " + gateway + "; configure one gateway per channel");
            }
        });
        this.byChannel = Collections.unmodifiableMap(gateways);
        OrderIdRules rules = null;
        for (PaymentGateway gateway : gateways.values()) {
            rules = rules == null ? gateway.orderIdRules() : rules.and(gateway.orderIdRules());
        }
        // An order of unknown channel is sent to every provider, so its id must suit all of them.
        this.orderIdRules = Objects.requireNonNull(rules);
    }

    /** A routing gateway over gateways that each name their channel, in the order given. */
    public static RoutingPaymentGateway of(List<? extends ChannelPaymentGateway> gateways) {
        Map<String, PaymentGateway> byChannel = new LinkedHashMap<>();
        for (ChannelPaymentGateway gateway : gateways) {
            if (byChannel.putIfAbsent(key(gateway.channel()), gateway) != null) {
                throw new IllegalArgumentException("two payment gateways serve channel '" + key(gateway.channel())
                        + "': " + byChannel.get(key(gateway.channel())) + " and " + gateway
                        + "; configure one gateway per channel");
            }
        }
        return new RoutingPaymentGateway(byChannel);
    }

    /** The channels served, in the order an order of unknown channel is checked. */
    public List<String> channels() {
        return List.copyOf(byChannel.keySet());
    }

    @Override
    public TradeReport queryTrade(String orderId) {
        return queryTrade(orderId, null);
    }

    @Override
    public TradeCloseResult closeOrder(String orderId) {
        return closeOrder(orderId, null);
    }

    @Override
    public TradeReport queryTrade(String orderId, @Nullable String channel) {
        if (channel != null && !channel.isBlank()) {
            return gatewayFor(orderId, channel).queryTrade(orderId);
        }
        List<Answer> answers = queryEverywhere(orderId);
        PaymentGatewayException failure = null;
        for (Answer answer : answers) {
            if (answer.report() != null && answer.report().state().isPaid()) {
                warnIfPaidTwice(orderId, answers);
                return answer.report();
            }
            if (failure == null && answer.failure() != null) {
                failure = answer.failure();
            }
        }
        if (failure != null) {
            throw failure;
        }
        TradeReport best = null;
        for (Answer answer : answers) {
            TradeReport report = Objects.requireNonNull(answer.report());
            if (best == null || rank(report.state()) > rank(best.state())) {
                best = report;
            }
        }
        return Objects.requireNonNull(best);
    }

    @Override
    public TradeCloseResult closeOrder(String orderId, @Nullable String channel) {
        if (channel != null && !channel.isBlank()) {
            return gatewayFor(orderId, channel).closeOrder(orderId);
        }
        boolean closedSomewhere = false;
        for (Map.Entry<String, PaymentGateway> entry : byChannel.entrySet()) {
            PaymentGateway gateway = entry.getValue();
            TradeState state = call(entry.getKey(), orderId, "query", () -> gateway.queryTrade(orderId)).state();
            if (state.isPaid()) {
                return TradeCloseResult.ALREADY_PAID;
            }
            if (state == TradeState.NOT_FOUND || state == TradeState.CLOSED || state == TradeState.REVOKED) {
                continue; // nothing to close there
            }
            TradeCloseResult result = call(entry.getKey(), orderId, "close", () -> gateway.closeOrder(orderId));
            if (result == TradeCloseResult.ALREADY_PAID) {
                return result;
            }
            closedSomewhere |= result == TradeCloseResult.CLOSED;
        }
        return closedSomewhere ? TradeCloseResult.CLOSED : TradeCloseResult.ALREADY_CLOSED;
    }

    @Override
    public OrderIdRules orderIdRules() {
        return orderIdRules;
    }

    private PaymentGateway gatewayFor(String orderId, String channel) {
        PaymentGateway gateway = byChannel.get(key(channel));
        if (gateway == null) {
            throw new PaymentGatewayException("order " + orderId + " is paid through channel '" + channel
                    + "', but only " + byChannel.keySet() + " have a payment gateway");
        }
        return gateway;
    }

    private List<Answer> queryEverywhere(String orderId) {
        List<Answer> answers = new ArrayList<>(byChannel.size());
        for (Map.Entry<String, PaymentGateway> entry : byChannel.entrySet()) {
            try {
                answers.add(new Answer(entry.getKey(), call(entry.getKey(), orderId, "query",
                        () -> entry.getValue().queryTrade(orderId)), null));
            }
            catch (PaymentGatewayException ex) {
                answers.add(new Answer(entry.getKey(), null, ex));
            }
        }
        return answers;
    }

    private static <T> T call(String channel, String orderId, String what, Supplier<T> call) {
        try {
            return call.get();
        }
        catch (PaymentGatewayException ex) {
            throw new PaymentGatewayException("channel " + channel + " " + what + " for order " + orderId + ": "
                    + ex.getMessage(), ex);
        }
    }

    private static void warnIfPaidTwice(String orderId, List<Answer> answers) {
        List<String> paidAt = answers.stream()
                .filter(answer -> answer.report() != null && answer.report().state().isPaid())
                .map(Answer::channel)
                .toList();
        if (paidAt.size() > 1) {
            log.warn("Order " + orderId + " was paid on several channels " + paidAt + "; recording the payment on "
                    + paidAt.get(0) + ", the others need a refund");
        }
    }

    /** How much a state says about an order of unknown channel; the highest of all answers wins. */
    private static int rank(TradeState state) {
        return switch (state) {
            case NOT_FOUND -> 0;
            case CLOSED, REVOKED, PAYERROR -> 1;
            case NOTPAY -> 2;
            case USERPAYING, ACCEPT -> 3;
            case SUCCESS, REFUND -> 4;
        };
    }

    private static String key(String channel) {
        return channel.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "RoutingPaymentGateway" + byChannel;
    }

    private record Answer(String channel, @Nullable TradeReport report, @Nullable PaymentGatewayException failure) {
    }
}
