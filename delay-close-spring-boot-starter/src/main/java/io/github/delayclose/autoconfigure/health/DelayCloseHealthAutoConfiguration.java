package io.github.delayclose.autoconfigure.health;

import io.github.delayclose.autoconfigure.DelayCloseAutoConfiguration;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
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
            @Qualifier("delayCloseListenerContainer") AbstractMessageListenerContainer listener,
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayTopology topology) {
        return new DelayCloseHealthIndicator(listener, new RabbitAdmin(connectionFactory), topology);
    }
}
