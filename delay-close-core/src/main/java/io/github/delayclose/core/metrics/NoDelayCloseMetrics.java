package io.github.delayclose.core.metrics;

import java.time.Duration;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeState;
import org.jspecify.annotations.Nullable;

/** Records nothing: delay-close in an application without Micrometer. */
enum NoDelayCloseMetrics implements DelayCloseMetrics {

    INSTANCE;

    @Override
    public void outcome(TimeoutOutcome outcome) {
    }

    @Override
    public void retried(FailureReason reason) {
    }

    @Override
    public void rechecked() {
    }

    @Override
    public void parked(FailureReason reason) {
    }

    @Override
    public void scheduleFailed() {
    }

    @Override
    public void latePayment() {
    }

    @Override
    public void amountMismatch() {
    }

    @Override
    public void redriven(int count) {
    }

    @Override
    public void swept(int count) {
    }

    @Override
    public void replayed(int count) {
    }

    @Override
    public void discarded() {
    }

    @Override
    public void closeFinished(@Nullable TimeoutOutcome outcome, Duration duration, @Nullable Duration lateness) {
    }

    @Override
    public void providerQueried(@Nullable TradeState answer, Duration duration) {
    }

    @Override
    public void providerClosed(@Nullable TradeCloseResult answer, Duration duration) {
    }
}
