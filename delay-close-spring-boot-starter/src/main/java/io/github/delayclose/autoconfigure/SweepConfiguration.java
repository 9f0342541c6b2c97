package io.github.delayclose.autoconfigure;

import java.time.Clock;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.listen.ClosesInFlight;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.sweep.Redriver;
import io.github.delayclose.core.sweep.SweepSettings;
import io.github.delayclose.core.sweep.TimeoutBacklog;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The safety-net sweep and watchdog, on unless {@code delay-close.sweep.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "delay-close.sweep.enabled", matchIfMissing = true)
class SweepConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OverdueOrderSweeper overdueOrderSweeper(ObjectProvider<OrderRepository> orders, AttemptLedger attempts,
            ObjectProvider<CloseAttemptStore> store, BudgetedPublisher publisher, DelayTopology topology,
            TimeoutBacklog backlog, DelayCloseProperties properties,
            ClosesInFlight inFlight, DelayCloseMetrics metrics, Environment environment) {
        OrderRepository repository = SpiBeans.orderRepository(orders);
        SweepAvailability.check(repository, environment);
        DelayCloseProperties.Sweep sweep = properties.sweep();
        return new OverdueOrderSweeper(repository, attempts, store.getIfUnique(),
                new Redriver(publisher, topology.timeoutQueue()), backlog,
                new SweepSettings(sweep.grace(), sweep.lookback(), sweep.batchSize()), Clock.systemUTC(), inFlight,
                metrics);
    }

    /** Behind when the timeout queue holds more ready messages than the listeners' window takes at once. */
    @Bean
    @ConditionalOnMissingBean
    TimeoutBacklog delayCloseTimeoutBacklog(
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayTopology topology, DelayCloseProperties properties) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        int window = properties.listener().window();
        return () -> {
            var info = admin.getQueueInfo(topology.timeoutQueue());
            return info != null && info.getMessageCount() > window;
        };
    }

    @Bean
    @ConditionalOnMissingBean
    PeriodicSweep delayClosePeriodicSweep(OverdueOrderSweeper sweeper, DelayCloseProperties properties) {
        return new PeriodicSweep(sweeper, properties.sweep().interval());
    }
}
