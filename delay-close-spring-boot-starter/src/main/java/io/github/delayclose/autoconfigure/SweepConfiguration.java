package io.github.delayclose.autoconfigure;

import java.time.Clock;

import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.sweep.SweepSettings;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionOperations;

/** The safety-net sweep, on unless {@code delay-close.sweep.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "delay-close.sweep.enabled", matchIfMissing = true)
class SweepConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OverdueOrderSweeper overdueOrderSweeper(ObjectProvider<OrderRepository> orders, ConfirmedPublisher publisher,
            DelayTopology topology, DelayCloseProperties properties,
            @Qualifier(ClosingConfiguration.TRANSACTIONS) TransactionOperations transactions,
            DelayCloseMetrics metrics) {
        DelayCloseProperties.Sweep sweep = properties.sweep();
        return new OverdueOrderSweeper(SpiBeans.orderRepository(orders), publisher, topology,
                new SweepSettings(sweep.grace(), sweep.lookback(), sweep.batchSize()), Clock.systemUTC(),
                transactions, metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    PeriodicSweep delayClosePeriodicSweep(OverdueOrderSweeper sweeper, DelayCloseProperties properties) {
        return new PeriodicSweep(sweeper, properties.sweep().interval());
    }
}
