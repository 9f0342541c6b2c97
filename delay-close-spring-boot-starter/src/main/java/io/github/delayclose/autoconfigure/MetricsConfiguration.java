package io.github.delayclose.autoconfigure;

import java.time.Clock;

import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.metrics.DelayCloseGauges;
import io.github.delayclose.core.metrics.DelayCloseMeterObservationHandler;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.metrics.MicrometerDelayCloseMetrics;
import io.github.delayclose.core.monitor.DelayCloseMonitor;
import io.github.delayclose.core.topology.DelayTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * delay-close's meters, on the application's {@link MeterRegistry} when it has one, and nowhere
 * otherwise: never on Micrometer's global registry, which nobody would scrape.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class WithMicrometer {

        @Bean
        @ConditionalOnMissingBean
        DelayCloseMetrics delayCloseMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry found = registry.getIfUnique();
            return found == null ? DelayCloseMetrics.none() : new MicrometerDelayCloseMetrics(found);
        }

        /**
         * Registers the gauges once every bean exists: they read the listener and the monitor, which
         * themselves need the metrics above.
         */
        @Bean
        @ConditionalOnMissingBean(name = "delayCloseGauges")
        SmartInitializingSingleton delayCloseGauges(ObjectProvider<MeterRegistry> registry,
                ObjectProvider<DelayCloseMonitor> monitor, ObjectProvider<DelayTopology> topology,
                ObjectProvider<TimeoutListener> listener) {
            return () -> {
                MeterRegistry found = registry.getIfUnique();
                DelayCloseMonitor watched = monitor.getIfUnique();
                DelayTopology queues = topology.getIfUnique();
                TimeoutListener closes = listener.getIfUnique();
                if (found != null && watched != null && queues != null && closes != null) {
                    DelayCloseGauges.register(found, watched, queues, closes::inFlight, Clock.systemUTC());
                }
            };
        }

        /** Keeps Boot's default meter handler from timing delay-close's observations twice. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        @ConditionalOnMissingBean
        DelayCloseMeterObservationHandler delayCloseMeterObservationHandler() {
            return new DelayCloseMeterObservationHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("io.micrometer.core.instrument.MeterRegistry")
    static class WithoutMicrometer {

        @Bean
        @ConditionalOnMissingBean
        DelayCloseMetrics delayCloseMetrics() {
            return DelayCloseMetrics.none();
        }
    }
}
