package io.github.delayclose.bench.app;

import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delay-close mode: only the public surface, so the harness outlives changes to the engine. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = AppMode.PROPERTY, havingValue = "delay-close")
class DelayCloseConfiguration {

    @Bean
    OrderScheduling orderScheduling(OrderTimeoutScheduler scheduler) {
        return scheduler::schedule;
    }

    /**
     * With {@code delay-close.listener.auto-startup=false} the listener waits; starting the context
     * starts every lifecycle bean that is not running, whatever the engine calls its listener.
     */
    @Bean
    ListenerSwitch listenerSwitch(ConfigurableApplicationContext context) {
        return context::start;
    }
}
