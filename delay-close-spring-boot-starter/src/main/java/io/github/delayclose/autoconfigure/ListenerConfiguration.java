package io.github.delayclose.autoconfigure;

import java.time.Clock;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.listen.CloseWindow;
import io.github.delayclose.core.listen.ClosesInFlight;
import io.github.delayclose.core.listen.ParkingRecoverer;
import io.github.delayclose.core.listen.Redelivery;
import io.github.delayclose.core.listen.TimeoutHandler;
import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.topology.DelayRoutes;
import io.github.delayclose.core.topology.DelayTopology;
import io.micrometer.observation.ObservationRegistry;
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

    /** How soon consumers try again after losing their queue or connection. */
    static final java.time.Duration RECOVERY_INTERVAL = java.time.Duration.ofSeconds(3);

    /** Passive declarations a consumer tries, {@link #RECOVERY_INTERVAL} apart, before it restarts. */
    static final int DECLARATION_RETRIES = 1;

    @Bean
    @ConditionalOnMissingBean
    Redelivery delayCloseRedelivery(
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayTopology topology, DelayRoutes routes, BudgetedPublisher publisher, AttemptLedger attempts,
            DelayCloseProperties properties, DelayCloseMetrics metrics, TopologyDeclarer declarer) {
        ParkingRecoverer parking = new ParkingRecoverer(PublishingConfiguration.publishingTemplate(connectionFactory),
                publisher, topology.parkingQueue(), declarer::declare);
        return new Redelivery(topology, routes, properties.recheck().maxRechecks(), publisher, parking, attempts,
                metrics, declarer::declare, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    TimeoutHandler delayCloseTimeoutHandler(OrderCloser closer, Redelivery redelivery, AttemptLedger attempts,
            DelayCloseMetrics metrics, ObjectProvider<ObservationRegistry> observations, ClosesInFlight inFlight) {
        return new TimeoutHandler(closer, redelivery, attempts, metrics,
                observations.getIfUnique(() -> ObservationRegistry.NOOP), inFlight, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    ClosesInFlight delayClosesInFlight() {
        return new ClosesInFlight();
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
        // A missing or unreachable timeout queue (its node died, with classic queues) must never stop
        // the listener for good: the consumers keep trying, every few seconds, and resume when it is back.
        container.setMissingQueuesFatal(false);
        container.setMismatchedQueuesFatal(false);
        // Few passive tries per start, not endless ones: only a consumer's restart declares a missing
        // queue again (one deleted while its node was down, or by hand), so a consumer that kept
        // trying passively would wait forever for a queue no one declares.
        container.setDeclarationRetries(DECLARATION_RETRIES);
        container.setFailedDeclarationRetryInterval(RECOVERY_INTERVAL.toMillis());
        container.setRetryDeclarationInterval(RECOVERY_INTERVAL.toMillis());
        container.setRecoveryInterval(RECOVERY_INTERVAL.toMillis());
        customizers.orderedStream().forEach(customizer -> customizer.customize(container));
        return container;
    }
}
