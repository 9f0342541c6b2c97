package io.github.delayclose.bench.app;

import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
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
     * Stopping lets the {@link TimeoutListener} finish and acknowledge the closes in flight first,
     * then stops the consumers, as a shutdown does.
     */
    @Bean
    ListenerSwitch listenerSwitch(ConfigurableApplicationContext context) {
        return new ListenerSwitch() {

            @Override
            public void start() {
                context.start();
            }

            @Override
            public void stop() {
                context.getBeanProvider(TimeoutListener.class).forEach(TimeoutListener::stop);
                context.getBeanProvider(SimpleMessageListenerContainer.class).forEach(SimpleMessageListenerContainer::stop);
            }
        };
    }
}
