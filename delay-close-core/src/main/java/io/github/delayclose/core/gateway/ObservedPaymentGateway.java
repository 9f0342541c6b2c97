package io.github.delayclose.core.gateway;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.metrics.DelayCloseObservations;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PaymentGateway} whose calls are timed by operation and answer, and observed: so an operator
 * sees whether the provider is slow or failing, and a trace shows each call inside its close.
 */
public final class ObservedPaymentGateway implements PaymentGateway {

    private final PaymentGateway delegate;
    private final DelayCloseMetrics metrics;
    private final ObservationRegistry observations;

    public ObservedPaymentGateway(PaymentGateway delegate, DelayCloseMetrics metrics, ObservationRegistry observations) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.observations = Objects.requireNonNull(observations, "observations");
    }

    /** The same as a call with no known channel, which every gateway answers as this one. */
    @Override
    public TradeReport queryTrade(String orderId) {
        return queryTrade(orderId, null);
    }

    /** The same as a call with no known channel, which every gateway answers as this one. */
    @Override
    public TradeCloseResult closeOrder(String orderId) {
        return closeOrder(orderId, null);
    }

    @Override
    public TradeReport queryTrade(String orderId, @Nullable String channel) {
        return observed("query", orderId, () -> delegate.queryTrade(orderId, channel), report -> report.state().name(),
                (report, took) -> metrics.providerQueried(report == null ? null : report.state(), took));
    }

    @Override
    public TradeCloseResult closeOrder(String orderId, @Nullable String channel) {
        return observed("close", orderId, () -> delegate.closeOrder(orderId, channel), TradeCloseResult::name,
                metrics::providerClosed);
    }

    @Override
    public OrderIdRules orderIdRules() {
        return delegate.orderIdRules();
    }

    private <T> T observed(String operation, String orderId, Supplier<T> call, Function<T, String> result,
            BiConsumer<@Nullable T, Duration> record) {
        Observation observation = DelayCloseObservations.providerCall(operation, orderId, observations).start();
        long started = System.nanoTime();
        try (Observation.Scope scope = observation.openScope()) {
            T answer = call.get();
            observation.lowCardinalityKeyValue("result", result.apply(answer));
            record.accept(answer, Duration.ofNanos(System.nanoTime() - started));
            return answer;
        }
        catch (RuntimeException ex) {
            observation.lowCardinalityKeyValue("result", "ERROR");
            observation.error(ex);
            record.accept(null, Duration.ofNanos(System.nanoTime() - started));
            throw ex;
        }
        finally {
            observation.stop();
        }
    }

    @Override
    public String toString() {
        return "Observed[" + delegate + "]";
    }
}
