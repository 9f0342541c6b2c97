package io.github.delayclose.core.metrics;

import java.util.Objects;

import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.close.FailureReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters delay-close reports, all under the {@code delay.close} prefix:
 * <ul>
 *   <li>{@code delay.close.outcomes{result}}: handled timeouts by {@link TimeoutOutcome};</li>
 *   <li>{@code delay.close.retries{reason}}: timeouts sent back for a later attempt;</li>
 *   <li>{@code delay.close.parked{reason}}: timeouts given up on and parked;</li>
 *   <li>{@code delay.close.schedule.failures}: delay messages that could not be published;</li>
 *   <li>{@code delay.close.late.payments}: payments that arrived after their order was closed;</li>
 *   <li>{@code delay.close.swept}: overdue orders found by the safety-net sweep.</li>
 * </ul>
 */
public final class DelayCloseMetrics {

    private final MeterRegistry registry;

    public DelayCloseMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    public void outcome(TimeoutOutcome result) {
        counter("delay.close.outcomes", "result", result.name(), "Order timeouts handled, by result").increment();
    }

    public void retried(FailureReason reason) {
        counter("delay.close.retries", "reason", reason.name(), "Order timeouts sent back for a later attempt").increment();
    }

    public void rechecked() {
        Counter.builder("delay.close.rechecks").description("Order timeouts sent back because the payer was still paying")
                .register(registry).increment();
    }

    public void parked(FailureReason reason) {
        counter("delay.close.parked", "reason", reason.name(), "Order timeouts given up on and parked").increment();
    }

    public void scheduleFailed() {
        Counter.builder("delay.close.schedule.failures")
                .description("Delay messages that could not be published; the sweep closes those orders")
                .register(registry).increment();
    }

    public void latePayment() {
        Counter.builder("delay.close.late.payments")
                .description("Payments that arrived after their order was closed")
                .register(registry).increment();
    }

    public void amountMismatch() {
        Counter.builder("delay.close.amount.mismatches")
                .description("Payments whose amount is not the order's; neither recorded nor closed")
                .register(registry).increment();
    }

    public void redriven(int count) {
        Counter.builder("delay.close.redriven")
                .description("Waiting orders whose copy was overdue, sent again straight to the timeout queue")
                .register(registry).increment(count);
    }

    public void swept(int count) {
        Counter.builder("delay.close.swept")
                .description("Overdue unpaid orders found by the safety-net sweep")
                .register(registry).increment(count);
    }

    private Counter counter(String name, String tag, String value, String description) {
        return Counter.builder(name).tag(tag, value).description(description).register(registry);
    }
}
