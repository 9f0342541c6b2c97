package io.github.delayclose.test.doubles;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import org.jspecify.annotations.Nullable;

/**
 * A payment provider in memory, for unit tests without one. It passes
 * {@link io.github.delayclose.test.contract.PaymentGatewayContract}.
 *
 * <p>It keeps one trade per order, as a provider does. An order it was not told about is an open,
 * unpaid trade ({@link TradeState#NOTPAY}), as if the shop had opened it at checkout; arrange any
 * other state with {@link #setTradeState} or {@link #pay}, including {@link TradeState#NOT_FOUND} for
 * a trade the provider does not know. {@link #closeOrder} answers from the trade and closes it,
 * atomically, so racing closes of one order see one {@link TradeCloseResult#CLOSED}.
 *
 * <p>To stage what a provider does between two calls, script it: {@link #answerQueries} gives the
 * answers of successive queries (the trade takes each state it answers with),
 * {@link #answerClose} the answer to closing, {@link #failNextCall} one transient error, and
 * {@link #becomeUnreachable} an outage. Every call is recorded, and everything is safe for any
 * number of threads.
 */
public final class InMemoryPaymentGateway implements PaymentGateway {

    /** A scripted answer to a trade query: a state, or a failure. */
    public sealed interface Answer permits State, Failure {
    }

    /**
     * The provider answers with a trade state.
     *
     * @param state the state; a paid one comes with the trade's payment
     */
    public record State(TradeState state) implements Answer {

        public State {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The provider gives no answer that can be trusted.
     *
     * @param message why, the message of the {@link PaymentGatewayException} thrown
     */
    public record Failure(String message) implements Answer {

        public Failure {
            Objects.requireNonNull(message, "message");
        }
    }

    private static final TradeReport OPEN = TradeReport.unpaid(TradeState.NOTPAY);

    private final Map<String, TradeReport> trades = new ConcurrentHashMap<>();

    private final Map<String, Deque<Answer>> queryScripts = new ConcurrentHashMap<>();

    private final Map<String, TradeCloseResult> closeScripts = new ConcurrentHashMap<>();

    private final Map<String, String> nextCallFailures = new ConcurrentHashMap<>();

    private final List<String> queries = new CopyOnWriteArrayList<>();

    private final List<String> closes = new CopyOnWriteArrayList<>();

    private final Clock clock;

    private volatile @Nullable String outage;

    /** A provider whose payments are stamped with the system clock. */
    public InMemoryPaymentGateway() {
        this(Clock.systemUTC());
    }

    /** A provider whose payments are stamped with {@code clock}. */
    public InMemoryPaymentGateway(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A scripted answer with a trade state, for {@link #answerQueries}. */
    public static Answer state(TradeState state) {
        return new State(state);
    }

    /** A scripted failure, for {@link #answerQueries}. */
    public static Answer failure(String message) {
        return new Failure(message);
    }

    /**
     * Sets the order's trade state at the provider. A paid state gets a payment with transaction id
     * {@code wx-<orderId>}, paid now; {@link TradeState#NOT_FOUND} makes the provider not know the order.
     */
    public void setTradeState(String orderId, TradeState state) {
        trades.put(Objects.requireNonNull(orderId, "orderId"), report(orderId, state, null));
    }

    /** The payer paid the order: its trade is {@link TradeState#SUCCESS} with this payment. */
    public void pay(String orderId, Payment payment) {
        trades.put(Objects.requireNonNull(orderId, "orderId"), TradeReport.paid(TradeState.SUCCESS, payment));
    }

    /** The order's trade state at the provider now, scripts aside. */
    public TradeState tradeState(String orderId) {
        return trades.getOrDefault(orderId, OPEN).state();
    }

    /** Answers for successive queries of an order, each also becoming its trade state; the last repeats. */
    public void answerQueries(String orderId, Answer... answers) {
        if (answers.length == 0) {
            throw new IllegalArgumentException("answerQueries needs at least one answer");
        }
        queryScripts.put(Objects.requireNonNull(orderId, "orderId"), new ArrayDeque<>(List.of(answers)));
    }

    /** The answer to every close of the order, whatever its trade state. */
    public void answerClose(String orderId, TradeCloseResult result) {
        closeScripts.put(Objects.requireNonNull(orderId, "orderId"), Objects.requireNonNull(result, "result"));
    }

    /** The next call about the order, query or close, fails with a transient provider error. */
    public void failNextCall(String orderId, String message) {
        nextCallFailures.put(Objects.requireNonNull(orderId, "orderId"), Objects.requireNonNull(message, "message"));
    }

    /** Every call fails, as when the provider cannot be reached, until {@link #becomeReachable()}. */
    public void becomeUnreachable(String reason) {
        outage = Objects.requireNonNull(reason, "reason");
    }

    /** Calls are answered again. */
    public void becomeReachable() {
        outage = null;
    }

    /** How often the order's trade was queried, failed queries included. */
    public long queriesFor(String orderId) {
        return queries.stream().filter(orderId::equals).count();
    }

    /** How often closing the order's trade was asked for, failed attempts included. */
    public long closesFor(String orderId) {
        return closes.stream().filter(orderId::equals).count();
    }

    @Override
    public TradeReport queryTrade(String orderId) {
        queries.add(Objects.requireNonNull(orderId, "orderId"));
        failIfArranged(orderId);
        Answer scripted = nextScriptedAnswer(orderId);
        if (scripted instanceof Failure failure) {
            throw new PaymentGatewayException(failure.message());
        }
        if (scripted instanceof State answer) {
            return trades.compute(orderId, (id, trade) -> report(id, answer.state(), trade));
        }
        return trades.getOrDefault(orderId, OPEN);
    }

    @Override
    public TradeCloseResult closeOrder(String orderId) {
        closes.add(Objects.requireNonNull(orderId, "orderId"));
        failIfArranged(orderId);
        TradeCloseResult scripted = closeScripts.get(orderId);
        if (scripted != null) {
            return scripted;
        }
        if (tradeState(orderId) == TradeState.NOT_FOUND) {
            throw new PaymentGatewayException("the provider has no trade for order " + orderId + " to close");
        }
        // Answer and close in one step, so that of racing closes exactly one closes the trade.
        AtomicReference<TradeCloseResult> answer = new AtomicReference<>();
        trades.compute(orderId, (id, trade) -> {
            answer.set(closeAnswer(trade == null ? TradeState.NOTPAY : trade.state()));
            return answer.get() == TradeCloseResult.CLOSED ? TradeReport.unpaid(TradeState.CLOSED) : trade;
        });
        return answer.get();
    }

    private static TradeCloseResult closeAnswer(TradeState state) {
        if (state.isPaid()) {
            return TradeCloseResult.ALREADY_PAID;
        }
        return state == TradeState.CLOSED || state == TradeState.REVOKED ? TradeCloseResult.ALREADY_CLOSED
                : TradeCloseResult.CLOSED;
    }

    private void failIfArranged(String orderId) {
        String down = outage;
        if (down != null) {
            throw new PaymentGatewayException("provider unreachable: " + down);
        }
        String error = nextCallFailures.remove(orderId);
        if (error != null) {
            throw new PaymentGatewayException(error);
        }
    }

    private @Nullable Answer nextScriptedAnswer(String orderId) {
        Deque<Answer> script = queryScripts.get(orderId);
        if (script == null) {
            return null;
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    /** A trade in {@code state}, keeping the payment of a trade that was paid already. */
    private TradeReport report(String orderId, TradeState state, @Nullable TradeReport trade) {
        if (!state.isPaid()) {
            return TradeReport.unpaid(state);
        }
        Payment payment = trade == null ? null : trade.payment().orElse(null);
        return TradeReport.paid(state, payment != null ? payment
                : new Payment("wx-" + orderId, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    }
}
