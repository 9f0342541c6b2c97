package io.github.delayclose.bench.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The delay-close mode: only the public surface, so the harness outlives changes to the engine. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = AppMode.PROPERTY, havingValue = "delay-close")
class DelayCloseConfiguration {

    /** Half of {@code delay-close.publish.queue-capacity}'s default. */
    private static final int SCHEDULING_ROOM = 5000;

    @Bean
    OrderScheduling orderScheduling(OrderTimeoutScheduler scheduler, BudgetedPublisher publisher,
            PlatformTransactionManager transactionManager) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        return new OrderScheduling() {

            @Override
            public void schedule(String orderId) {
                awaitRoom(publisher);
                scheduler.schedule(orderId);
            }

            @Override
            public void scheduleUntil(Map<String, Instant> deadlines) {
                awaitRoom(publisher);
                transactions.executeWithoutResult(tx -> deadlines.forEach(scheduler::schedule));
            }
        };
    }

    /**
     * A shop schedules orders at the pace of its checkout; the driver hands over thousands in a
     * second, faster than any broker confirms them. Past its queue's capacity the publisher refuses
     * and leaves the order to the sweep, so the driver waits while half of that is taken.
     */
    private static void awaitRoom(BudgetedPublisher publisher) {
        while (publisher.pending() >= SCHEDULING_ROOM) {
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
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
