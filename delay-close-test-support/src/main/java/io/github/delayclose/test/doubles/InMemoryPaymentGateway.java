package io.github.delayclose.test.doubles;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;

/**
 * A provider whose answers each test scripts per order. Unscripted orders answer NOTPAY and close
 * like a real provider (first CLOSED, then ALREADY_CLOSED). Records every call.
 */
public final class InMemoryPaymentGateway implements PaymentGateway {

    /** A scripted answer to a trade query: a state, or a failure. */
    public sealed interface Answer permits State, Failure {
    }

    public record State(TradeState state) implements Answer {
    }

    public record Failure(String message) implements Answer {
    }

    private final Map<String, Deque<Answer>> queryScripts = new ConcurrentHashMap<>();
    private final Map<String, TradeCloseResult> closeScripts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> closedAtProvider = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> closes = new CopyOnWriteArrayList<>();

    /** Answers for successive queries of an order; the last answer repeats. */
    public void answerQueries(String orderId, Answer... answers) {
        queryScripts.put(orderId, new ArrayDeque<>(List.of(answers)));
    }

    public void answerClose(String orderId, TradeCloseResult outcome) {
        closeScripts.put(orderId, outcome);
    }

    public static Answer state(TradeState state) {
        return new State(state);
    }

    public static Answer failure(String message) {
        return new Failure(message);
    }

    public long queriesFor(String orderId) {
        return queries.stream().filter(orderId::equals).count();
    }

    public long closesFor(String orderId) {
        return closes.stream().filter(orderId::equals).count();
    }

    @Override
    public TradeReport queryTrade(String orderId) {
        queries.add(orderId);
        Answer answer = next(orderId);
        if (answer instanceof Failure failure) {
            throw new PaymentGatewayException(failure.message());
        }
        TradeState state = answer == null ? (closedAtProvider.containsKey(orderId) ? TradeState.CLOSED : TradeState.NOTPAY)
                : ((State) answer).state();
        return state.isPaid() ? TradeReport.paid(state, new Payment("wx-" + orderId, Instant.parse("2026-01-01T00:00:00Z")))
                : TradeReport.unpaid(state);
    }

    @Override
    public TradeCloseResult closeOrder(String orderId) {
        closes.add(orderId);
        TradeCloseResult scripted = closeScripts.get(orderId);
        if (scripted != null) {
            return scripted;
        }
        return closedAtProvider.putIfAbsent(orderId, true) == null ? TradeCloseResult.CLOSED : TradeCloseResult.ALREADY_CLOSED;
    }

    private Answer next(String orderId) {
        Deque<Answer> script = queryScripts.get(orderId);
        if (script == null) {
            return null;
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }
}
