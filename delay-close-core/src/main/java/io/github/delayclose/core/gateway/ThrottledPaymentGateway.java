package io.github.delayclose.core.gateway;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import org.jspecify.annotations.Nullable;

/**
 * A {@link PaymentGateway} whose calls respect {@link ProviderLimits}: a call over the rate or over
 * the concurrency ceiling waits for its turn. It never fails or parks because of the ceiling, so a
 * 100,000-order burst drains at the provider's pace.
 */
public final class ThrottledPaymentGateway implements PaymentGateway {

    private final PaymentGateway delegate;
    private final @Nullable CallPacer pacer;
    private final @Nullable Semaphore concurrentCalls;

    /**
     * @param delegate the provider's gateway
     * @param limits its ceilings
     */
    public ThrottledPaymentGateway(PaymentGateway delegate, ProviderLimits limits) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(limits, "limits");
        this.pacer = limits.maxCallsPerSecond() > 0 ? new CallPacer(limits.maxCallsPerSecond()) : null;
        this.concurrentCalls = limits.maxConcurrentCalls() > 0 ? new Semaphore(limits.maxConcurrentCalls(), true) : null;
    }

    /** The gateway itself when {@code limits} set no ceiling; a throttled one otherwise. */
    public static PaymentGateway of(PaymentGateway gateway, ProviderLimits limits) {
        return limits.limitsAnything() ? new ThrottledPaymentGateway(gateway, limits) : gateway;
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
        return throttled(() -> delegate.queryTrade(orderId, channel));
    }

    @Override
    public TradeCloseResult closeOrder(String orderId, @Nullable String channel) {
        return throttled(() -> delegate.closeOrder(orderId, channel));
    }

    @Override
    public OrderIdRules orderIdRules() {
        return delegate.orderIdRules();
    }

    private <T> T throttled(Supplier<T> call) {
        if (concurrentCalls != null) {
            concurrentCalls.acquireUninterruptibly();
        }
        try {
            if (pacer != null) {
                pacer.awaitTurn();
            }
            return call.get();
        }
        finally {
            if (concurrentCalls != null) {
                concurrentCalls.release();
            }
        }
    }

    @Override
    public String toString() {
        return "Throttled[" + delegate + "]";
    }
}
