package io.github.delayclose.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.delayclose.core.monitor.DelayCloseMonitor;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The periodic snapshot of queue depths and parked orders that health and metrics read. */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DelayCloseMonitor delayCloseMonitor(
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayTopology topology, ObjectProvider<CloseAttemptStore> store, DelayCloseProperties properties) {
        List<String> queues = new ArrayList<>(topology.waitingQueues());
        queues.add(topology.timeoutQueue());
        queues.add(topology.parkingQueue());
        return new DelayCloseMonitor(new RabbitAdmin(connectionFactory), queues, store.getIfUnique(),
                properties.health().refreshInterval(), Clock.systemUTC());
    }
}
