package io.github.delayclose.autoconfigure;

import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.listen.CloseWindow;
import io.github.delayclose.core.listen.ParkingRecoverer;
import io.github.delayclose.core.listen.Redelivery;
import io.github.delayclose.core.listen.TimeoutHandler;
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
    TimeoutHandler delayCloseTimeoutHandler(OrderCloser closer, Redelivery redelivery, DelayCloseMetrics metrics) {
        return new TimeoutHandler(closer, redelivery, metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    CloseWindow delayCloseWindow(DelayCloseProperties properties) {
        return new CloseWindow(properties.listener().window());
    }

    @Bean
    @ConditionalOnMissingBean
    TimeoutListener delayCloseTimeoutListener(TimeoutHandler handler, CloseWindow window,
            DelayCloseProperties properties) {
        return new TimeoutListener(handler, window, properties.listener().shutdownGrace());
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
        // The listener acks each message itself, on the consumer's channel, once its close in the
        // window has a durable outcome; the consumer thread has long moved on by then.
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setDefaultRequeueRejected(false);
        container.setConcurrentConsumers(settings.consumers());
        container.setMaxConcurrentConsumers(settings.consumers());
        // Together the consumers hold at most the window's worth of unacknowledged messages, so the
        // backlog waits in the broker, not in memory.
        container.setPrefetchCount(settings.prefetchPerConsumer());
        container.setAutoStartup(settings.autoStartup());
        // Stops after the listener, which first lets the closes in flight finish and ack.
        container.setPhase(TimeoutListener.PHASE - 100);
        // Redeclares the timeout queue if it is deleted while the application runs.
        container.setAmqpAdmin(declarer.admin());
        customizers.orderedStream().forEach(customizer -> customizer.customize(container));
        return container;
    }
}
