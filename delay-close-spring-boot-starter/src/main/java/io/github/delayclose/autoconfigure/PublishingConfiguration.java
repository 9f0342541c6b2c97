package io.github.delayclose.autoconfigure;

import java.util.concurrent.Executor;

import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Publishing with confirms, and the {@link OrderTimeoutScheduler} host applications call. */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    static final String PUBLISH_EXECUTOR = "delayClosePublishExecutor";

    @Bean
    @ConditionalOnMissingBean
    ConfirmedPublisher delayClosePublisher(
            @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayCloseProperties properties) {
        return new ConfirmedPublisher(publishingTemplate(connectionFactory), properties.publish().confirmTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    OrderTimeoutScheduler orderTimeoutScheduler(ConfirmedPublisher publisher, DelayTopology topology,
            DelayCloseProperties properties, ApplicationEventPublisher events, DelayCloseMetrics metrics,
            @Qualifier(PUBLISH_EXECUTOR) Executor publishExecutor) {
        DelayCloseProperties.Publish publish = properties.publish();
        return new OrderTimeoutScheduler(publisher, topology,
                OrderTimeoutScheduler.publishRetryPolicy(publish.maxAttempts(), publish.backoff()), events, metrics,
                publishExecutor);
    }

    /**
     * Publishes delay messages after commits, off the committing thread. Bounded: when the broker
     * is unreachable, a backlog beyond the queue is reported and left to the sweep rather than
     * growing without limit. Shut down gracefully so that committed orders still get published.
     */
    @Bean(name = PUBLISH_EXECUTOR, defaultCandidate = false)
    @ConditionalOnMissingBean(name = PUBLISH_EXECUTOR)
    ThreadPoolTaskExecutor delayClosePublishExecutor(DelayCloseProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("delay-close-publish-");
        executor.setCorePoolSize(properties.publish().threads());
        executor.setMaxPoolSize(properties.publish().threads());
        executor.setQueueCapacity(properties.publish().queueCapacity());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    /**
     * Publishes on a connection of its own: under a broker memory or disk alarm RabbitMQ blocks
     * publishing connections, and consumers on a shared one could then not even ack.
     */
    static RabbitTemplate publishingTemplate(ConnectionFactory connectionFactory) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setUsePublisherConnection(true);
        return template;
    }
}
