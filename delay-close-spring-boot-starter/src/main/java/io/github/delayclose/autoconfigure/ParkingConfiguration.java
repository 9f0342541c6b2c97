package io.github.delayclose.autoconfigure;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.parked.ParkedOrders;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.sweep.Redriver;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What operators do with parked orders: list, replay, discard (the Actuator endpoint calls it). */
@Configuration(proxyBeanMethods = false)
class ParkingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ParkedOrders delayCloseParkedOrders(AttemptLedger attempts, BudgetedPublisher publisher, DelayTopology topology,
            DelayCloseMetrics metrics) {
        return new ParkedOrders(attempts, new Redriver(publisher, topology.timeoutQueue()), metrics);
    }
}
