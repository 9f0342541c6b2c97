package io.github.delayclose.autoconfigure;

import java.time.Clock;

import io.github.delayclose.core.topology.DelayRoutes;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delay topology, from {@code delay-close.queues.*}, and what declares it. */
@Configuration(proxyBeanMethods = false)
class TopologyConfiguration {

    static final String DECLARABLES = "delayCloseDeclarables";

    @Bean
    @ConditionalOnMissingBean
    DelayTopology delayCloseTopology(DelayCloseProperties properties) {
        DelayCloseProperties.Queues queues = properties.queues();
        return new DelayTopology(queues.delay(), queues.deadLetterExchange(), queues.timeout(), queues.parking(),
                queues.type(), queues.layout(), properties.timeout(), properties.retry().toBackoff(),
                properties.recheck().interval(), queues.deliveryLimit());
    }

    @Bean
    @ConditionalOnMissingBean
    DelayRoutes delayCloseRoutes(DelayTopology topology) {
        return new DelayRoutes(topology, Clock.systemUTC());
    }

    @Bean(DECLARABLES)
    @ConditionalOnMissingBean(name = DECLARABLES)
    Declarables delayCloseDeclarables(DelayTopology topology) {
        return topology.declarables();
    }

    /** Quorum queues' at-least-once dead-lettering needs a recent broker; checked on every new connection. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "delay-close.queues.type", havingValue = "quorum", matchIfMissing = true)
    QuorumDeadLetteringCheck delayCloseQuorumDeadLetteringCheck(
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory) {
        QuorumDeadLetteringCheck check = new QuorumDeadLetteringCheck();
        connectionFactory.addConnectionListener(check);
        return check;
    }

    @Bean
    @ConditionalOnMissingBean
    TopologyDeclarer delayCloseTopologyDeclarer(
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            @Qualifier(DECLARABLES) Declarables declarables) {
        return new TopologyDeclarer(connectionFactory, declarables);
    }
}
