package io.github.delayclose.autoconfigure;

import java.time.Clock;
import java.util.concurrent.Executor;

import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.topology.DelayRoutes;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
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

    /**
     * Every copy delay-close sends goes through it: tried again for the publish budget when the broker
     * refuses it, waiting on the caller's thread for the copies a close sends on, in the background
     * (at most queue-capacity at a time) for delay messages.
     */
    @Bean
    @ConditionalOnMissingBean
    BudgetedPublisher delayCloseBudgetedPublisher(ConfirmedPublisher publisher, DelayCloseProperties properties,
            @Qualifier(PUBLISH_EXECUTOR) Executor publishExecutor) {
        return new BudgetedPublisher(publisher, properties.publish().toBudget(), publishExecutor,
                properties.publish().queueCapacity());
    }

    @Bean
    @ConditionalOnMissingBean
    OrderTimeoutScheduler orderTimeoutScheduler(BudgetedPublisher publisher, DelayRoutes routes,
            DelayCloseProperties properties, ObjectProvider<PaymentGateway> gateway, ObjectProvider<OrderRepository> orders,
            ApplicationEventPublisher events, DelayCloseMetrics metrics) {
        return new OrderTimeoutScheduler(publisher, routes, properties.timeout(),
                SpiBeans.paymentGateway(gateway).orderIdRules(), SpiBeans.orderRepository(orders), events, metrics,
                Clock.systemUTC());
    }

    /**
     * Sends delay messages, off the committing thread: when the broker blocks publishers (a memory
     * alarm), the application's transactions still finish. Its queue is bounded by the publisher's
     * capacity. Shut down gracefully so that committed orders still get published.
     */
    @Bean(name = PUBLISH_EXECUTOR, defaultCandidate = false)
    @ConditionalOnMissingBean(name = PUBLISH_EXECUTOR)
    ThreadPoolTaskExecutor delayClosePublishExecutor(DelayCloseProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("delay-close-publish-");
        executor.setCorePoolSize(properties.publish().threads());
        executor.setMaxPoolSize(properties.publish().threads());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        executor.setDaemon(true);
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
