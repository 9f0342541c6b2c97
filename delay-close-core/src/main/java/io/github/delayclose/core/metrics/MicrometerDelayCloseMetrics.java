package io.github.delayclose.core.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * delay-close's counters and timers on a Micrometer registry, all under the {@code delay.close} prefix.
 * Every meter, with every value of its tags, is registered when this is created, so that dashboards and
 * alerts see zeros before the first order instead of no series at all. Tags are low-cardinality (enum
 * values); order ids go to traces and logs only.
 */
public final class MicrometerDelayCloseMetrics implements DelayCloseMetrics {

    /** The tag value of a failed attempt, in {@code delay.close.duration}. */
    public static final String FAILED = "FAILED";

    /** The tag value of a provider call that gave no trustworthy answer. */
    public static final String ERROR = "ERROR";

    private final Map<TimeoutOutcome, Counter> outcomes;
    private final Map<FailureReason, Counter> retries;
    private final Map<FailureReason, Counter> parked;
    private final Counter rechecks;
    private final Counter scheduleFailures;
    private final Counter latePayments;
    private final Counter amountMismatches;
    private final Counter redriven;
    private final Counter swept;
    private final Counter replayed;
    private final Counter discarded;
    private final Map<TimeoutOutcome, Timer> durations;
    private final Timer failedDuration;
    private final Map<TimeoutOutcome, Timer> lateness;
    private final Map<TradeState, Timer> queries;
    private final Timer failedQueries;
    private final Map<TradeCloseResult, Timer> closes;
    private final Timer failedCloses;

    public MicrometerDelayCloseMetrics(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        outcomes = each(TimeoutOutcome.class, outcome -> Counter.builder("delay.close.outcomes")
                .description("Order timeouts handled, by outcome").tag("result", outcome.name()).register(registry));
        retries = each(FailureReason.class, reason -> Counter.builder("delay.close.retries")
                .description("Failed attempts sent back for a later attempt, by reason").tag("reason", reason.name())
                .register(registry));
        parked = each(FailureReason.class, reason -> Counter.builder("delay.close.parked")
                .description("Order timeouts given up on and parked, by reason").tag("reason", reason.name())
                .register(registry));
        rechecks = counter(registry, "delay.close.rechecks", "Order timeouts sent back because the payer was still paying");
        scheduleFailures = counter(registry, "delay.close.schedule.failures",
                "Delay messages that could not be published; the sweep closes those orders");
        latePayments = counter(registry, "delay.close.late.payments", "Payments that arrived after their order was closed");
        amountMismatches = counter(registry, "delay.close.amount.mismatches",
                "Payments whose amount is not the order's; neither recorded nor closed");
        redriven = counter(registry, "delay.close.redriven",
                "Waiting orders whose copy was overdue, sent again straight to the timeout queue");
        swept = counter(registry, "delay.close.swept", "Overdue unpaid orders whose message was lost, sent again by the sweep");
        replayed = counter(registry, "delay.close.replayed", "Parked orders replayed by an operator");
        discarded = counter(registry, "delay.close.discarded", "Parked orders discarded by an operator");
        durations = each(TimeoutOutcome.class, outcome -> duration(registry, outcome.name()));
        failedDuration = duration(registry, FAILED);
        lateness = new EnumMap<>(TimeoutOutcome.class);
        for (TimeoutOutcome outcome : new TimeoutOutcome[] { TimeoutOutcome.CLOSED, TimeoutOutcome.COMPENSATED_AS_PAID }) {
            lateness.put(outcome, Timer.builder("delay.close.lateness")
                    .description("From an order's deadline to its close (or to finding it paid)")
                    .tag("outcome", outcome.name())
                    .publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofHours(1))
                    .register(registry));
        }
        queries = each(TradeState.class, state -> providerCall(registry, "query", state.name()));
        failedQueries = providerCall(registry, "query", ERROR);
        closes = each(TradeCloseResult.class, result -> providerCall(registry, "close", result.name()));
        failedCloses = providerCall(registry, "close", ERROR);
    }

    @Override
    public void outcome(TimeoutOutcome outcome) {
        outcomes.get(outcome).increment();
    }

    @Override
    public void retried(FailureReason reason) {
        retries.get(reason).increment();
    }

    @Override
    public void rechecked() {
        rechecks.increment();
    }

    @Override
    public void parked(FailureReason reason) {
        parked.get(reason).increment();
    }

    @Override
    public void scheduleFailed() {
        scheduleFailures.increment();
    }

    @Override
    public void latePayment() {
        latePayments.increment();
    }

    @Override
    public void amountMismatch() {
        amountMismatches.increment();
    }

    @Override
    public void redriven(int count) {
        redriven.increment(count);
    }

    @Override
    public void swept(int count) {
        swept.increment(count);
    }

    @Override
    public void replayed(int count) {
        replayed.increment(count);
    }

    @Override
    public void discarded() {
        discarded.increment();
    }

    @Override
    public void closeFinished(@Nullable TimeoutOutcome outcome, Duration duration, @Nullable Duration late) {
        (outcome == null ? failedDuration : durations.get(outcome)).record(duration);
        Timer latenessTimer = outcome == null ? null : lateness.get(outcome);
        if (latenessTimer != null && late != null) {
            // A close may run a little before its deadline (clocks differ); it was not late then.
            latenessTimer.record(late.isNegative() ? Duration.ZERO : late);
        }
    }

    @Override
    public void providerQueried(@Nullable TradeState answer, Duration duration) {
        (answer == null ? failedQueries : queries.get(answer)).record(duration);
    }

    @Override
    public void providerClosed(@Nullable TradeCloseResult answer, Duration duration) {
        (answer == null ? failedCloses : closes.get(answer)).record(duration);
    }

    private static <E extends Enum<E>, M> Map<E, M> each(Class<E> type, Function<E, M> meter) {
        Map<E, M> meters = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            meters.put(value, meter.apply(value));
        }
        return meters;
    }

    private static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    private static Timer duration(MeterRegistry registry, String outcome) {
        return Timer.builder("delay.close.duration")
                .description("Order timeouts from receipt to a durable outcome, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private static Timer providerCall(MeterRegistry registry, String operation, String result) {
        return Timer.builder("delay.close.provider.calls")
                .description("Calls to the payment provider, by operation and answer")
                .tag("operation", operation).tag("result", result).register(registry);
    }
}
