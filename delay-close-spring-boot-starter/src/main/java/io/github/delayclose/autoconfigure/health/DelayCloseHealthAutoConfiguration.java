package io.github.delayclose.autoconfigure.health;

import java.time.Clock;

import io.github.delayclose.autoconfigure.DelayCloseAutoConfiguration;
import io.github.delayclose.autoconfigure.DelayCloseProperties;
import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.monitor.DelayCloseMonitor;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@code /actuator/health/delayClose}, with Actuator's health support on the class path. Switched off
 * with {@code management.health.delay-close.enabled=false} (any relaxed form of that name).
 */
@AutoConfiguration(after = DelayCloseAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(DelayTopology.class)
@ConditionalOnEnabledHealthIndicator("delay-close")
public class DelayCloseHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "delayCloseHealthIndicator")
    DelayCloseHealthIndicator delayCloseHealthIndicator(
            @Qualifier("delayCloseListenerContainer") AbstractMessageListenerContainer container,
            TimeoutListener listener, DelayCloseMonitor monitor, DelayTopology topology,
            ObjectProvider<OverdueOrderSweeper> sweeper, DelayCloseProperties properties) {
        return new DelayCloseHealthIndicator(container, listener, monitor, topology, sweeper.getIfAvailable(),
                properties.health().parkedThreshold(), Clock.systemUTC());
    }
}
