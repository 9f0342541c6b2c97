package io.github.delayclose.autoconfigure;

import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.listen.ParkingRecoverer;
import io.github.delayclose.core.listen.Redelivery;
import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The timeout queue's listener and what it does with failures. */
@Configuration(proxyBeanMethods = false)
class ListenerConfiguration {

    /** The name of the timeout queue's listener container bean. */
    static final String CONTAINER = "delayCloseListenerContainer";

    @Bean
    @ConditionalOnMissingBean
    Redelivery delayCloseRedelivery(
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayTopology topology, ConfirmedPublisher publisher, DelayCloseProperties properties,
            DelayCloseMetrics metrics, TopologyDeclarer declarer) {
        ParkingRecoverer parking = new ParkingRecoverer(PublishingConfiguration.publishingTemplate(connectionFactory),
                publisher, topology.parkingQueue());
        return new Redelivery(topology, properties.recheck().maxRechecks(), publisher, parking, metrics,
                declarer::declare);
    }

    @Bean
    @ConditionalOnMissingBean
    TimeoutListener delayCloseTimeoutListener(OrderCloser closer, Redelivery redelivery, DelayCloseMetrics metrics) {
        return new TimeoutListener(closer, redelivery, metrics);
    }

    @Bean(CONTAINER)
    @ConditionalOnMissingBean(name = CONTAINER)
    SimpleMessageListenerContainer delayCloseListenerContainer(
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayTopology topology, TimeoutListener listener, DelayCloseProperties properties,
            TopologyDeclarer declarer, ObjectProvider<DelayCloseListenerContainerCustomizer> customizers) {
        DelayCloseProperties.Listener settings = properties.listener();
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(topology.timeoutQueue());
        container.setMessageListener(listener);
        // AUTO acks after the listener returns, i.e. after the outcome is durable. A listener
        // exception rejects without requeue: the timeout queue dead-letters it to parking.
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setConcurrentConsumers(settings.concurrency());
        container.setMaxConcurrentConsumers(settings.maxConcurrency());
        container.setPrefetchCount(settings.prefetch());
        container.setAutoStartup(settings.autoStartup());
        // Redeclares the timeout queue if it is deleted while the application runs.
        container.setAmqpAdmin(declarer.admin());
        customizers.orderedStream().forEach(customizer -> customizer.customize(container));
        return container;
    }
}
