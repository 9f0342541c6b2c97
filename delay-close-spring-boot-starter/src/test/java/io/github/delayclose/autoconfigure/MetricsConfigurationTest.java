package io.github.delayclose.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.metrics.MicrometerDelayCloseMetrics;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * delay-close's meters: on the application's registry, every one of them before the first order; none
 * without a registry, and never on Micrometer's global registry.
 */
class MetricsConfigurationTest {

    private final ApplicationContextRunner runner = BrokerlessContextRunner.create();

    @Test
    void everyMeterIsRegisteredAtStartUpWithEveryTagValue() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (TimeoutOutcome outcome : TimeoutOutcome.values()) {
                assertThat(meters.get("delay.close.outcomes").tag("result", outcome.name()).counter().count()).isZero();
                assertThat(meters.get("delay.close.duration").tag("outcome", outcome.name()).timer().count()).isZero();
            }
            assertThat(meters.get("delay.close.duration").tag("outcome", "FAILED").timer().count()).isZero();
            for (FailureReason reason : FailureReason.values()) {
                assertThat(meters.get("delay.close.parked").tag("reason", reason.name()).counter().count()).isZero();
                assertThat(meters.get("delay.close.retries").tag("reason", reason.name()).counter().count()).isZero();
                assertThat(meters.get("delay.close.parked.orders").tag("reason", reason.name()).gauge().value()).isZero();
            }
            for (TradeState state : TradeState.values()) {
                assertThat(meters.get("delay.close.provider.calls").tag("operation", "query").tag("result", state.name())
                        .timer().count()).isZero();
            }
            for (TradeCloseResult result : TradeCloseResult.values()) {
                assertThat(meters.get("delay.close.provider.calls").tag("operation", "close")
                        .tag("result", result.name()).timer().count()).isZero();
            }
            assertThat(meters.get("delay.close.provider.calls").tag("result", "ERROR").timers()).hasSize(2);
            assertThat(meters.get("delay.close.lateness").tag("outcome", "CLOSED").timer().count()).isZero();
            for (String counter : new String[] { "delay.close.rechecks", "delay.close.schedule.failures",
                    "delay.close.late.payments", "delay.close.amount.mismatches", "delay.close.swept",
                    "delay.close.redriven", "delay.close.replayed", "delay.close.discarded" }) {
                assertThat(meters.get(counter).counter().count()).as(counter).isZero();
            }
            assertThat(meters.get("delay.close.in.flight").gauge().value()).isZero();
            assertThat(meters.get("delay.close.parked.oldest").timeGauge().value()).isZero();
            assertThat(meters.get("delay.close.queue.messages").tag("kind", "timeout").gauge().value())
                    .as("not read yet: the broker is not reachable here").isNaN();
            assertThat(meters.get("delay.close.queue.messages").tag("kind", "parking").gauges()).hasSize(1);
            assertThat(meters.get("delay.close.queue.messages").tag("kind", "recheck").gauges()).hasSize(1);
            assertThat(meters.get("delay.close.queue.messages").tag("kind", "retry").gauges()).isNotEmpty();
            assertThat(meters.get("delay.close.queue.messages").tag("kind", "delay").gauges()).isNotEmpty();
        });
    }

    @Test
    void aCloseIsTimedByOutcomeAndItsLatenessRecordedEvenWhenItRanAHairEarly() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            DelayCloseMetrics metrics = context.getBean(DelayCloseMetrics.class);
            metrics.closeFinished(TimeoutOutcome.CLOSED, Duration.ofMillis(40), Duration.ofMillis(700));
            metrics.closeFinished(TimeoutOutcome.CLOSED, Duration.ofMillis(30), Duration.ofMillis(-200));
            metrics.closeFinished(null, Duration.ofMillis(90), null);

            var lateness = meters.get("delay.close.lateness").tag("outcome", "CLOSED").timer();
            assertThat(lateness.count()).isEqualTo(2);
            assertThat(lateness.max(TimeUnit.MILLISECONDS)).isEqualTo(700);
            assertThat(lateness.totalTime(TimeUnit.MILLISECONDS)).as("an early close was not late").isEqualTo(700);
            assertThat(meters.get("delay.close.duration").tag("outcome", "CLOSED").timer().count()).isEqualTo(2);
            assertThat(meters.get("delay.close.duration").tag("outcome", "FAILED").timer().count()).isEqualTo(1);
        });
    }

    @Test
    void withoutARegistryNothingIsCountedAndTheGlobalRegistryStaysEmpty() {
        int globalMetersBefore = Metrics.globalRegistry.getMeters().size();
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DelayCloseMetrics.class)).isSameAs(DelayCloseMetrics.none());
            assertThat(Metrics.globalRegistry.find("delay.close.outcomes").meters()).isEmpty();
        });
        assertThat(Metrics.globalRegistry.getMeters()).hasSize(globalMetersBefore);
    }

    @Test
    void withoutMicrometerOnTheClassPathDelayCloseStillRunsAndCountsNothing() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(DelayCloseMetrics.class)).isSameAs(DelayCloseMetrics.none());
        });
    }

    @Test
    void anApplicationsOwnMetricsBeanWins() {
        runner.withUserConfiguration(Registry.class).withBean("custom", DelayCloseMetrics.class, DelayCloseMetrics::none)
                .run(context -> assertThat(context.getBean(DelayCloseMetrics.class)).isSameAs(DelayCloseMetrics.none()));
    }

    @Test
    void micrometerMetricsAreUsedWithARegistry() {
        runner.withUserConfiguration(Registry.class)
                .run(context -> assertThat(context.getBean(DelayCloseMetrics.class))
                        .isInstanceOf(MicrometerDelayCloseMetrics.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
