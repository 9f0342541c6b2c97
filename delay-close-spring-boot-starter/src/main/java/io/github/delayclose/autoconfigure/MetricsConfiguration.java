package io.github.delayclose.autoconfigure;

import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** delay-close's meters, on the application's registry. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DelayCloseMetrics delayCloseMetrics(ObjectProvider<MeterRegistry> registry) {
        return new DelayCloseMetrics(registry.getIfUnique(() -> Metrics.globalRegistry));
    }
}
