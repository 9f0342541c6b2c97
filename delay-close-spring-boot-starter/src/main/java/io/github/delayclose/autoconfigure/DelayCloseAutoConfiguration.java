package io.github.delayclose.autoconfigure;

import java.time.Clock;
import java.util.concurrent.Executor;

import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.listen.ParkingRecoverer;
import io.github.delayclose.core.listen.Redelivery;
import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.sweep.SweepSettings;
import io.github.delayclose.core.topology.DelayTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Auto-configuration of delay-close: the delay topology, the scheduler host applications call,
 * the timeout listener, the safety-net sweep and the payment recorder. Every bean backs off when
 * the application defines its own.
 *
 * <p>The application provides {@link OrderRepository}, {@link PaymentGateway} and
 * {@link StockRestorer} beans (or enables the defaults from {@code delay-close-defaults}).
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class,
        afterName = "io.github.delayclose.autoconfigure.DelayCloseDefaultsAutoConfiguration")
@ConditionalOnClass({ RabbitTemplate.class, OrderCloser.class })
@ConditionalOnBooleanProperty(name = "delay-close.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DelayCloseProperties.class)
public class DelayCloseAutoConfiguration {

    static final String CONNECTION_FACTORY = "delayCloseConnectionFactory";

    @Bean
    @ConditionalOnMissingBean
    DelayTopology delayCloseTopology(DelayCloseProperties properties) {
        DelayCloseProperties.Queues queues = properties.getQueues();
        return new DelayTopology(queues.getDelay(), queues.getDeadLetterExchange(), queues.getTimeout(),
                queues.getParking(), queues.getType(), properties.getTimeout(), properties.getRetry().toBackoff(),
                properties.getRecheck().getInterval());
    }

    @Bean
    @ConditionalOnMissingBean(name = "delayCloseDeclarables")
    Declarables delayCloseDeclarables(DelayTopology topology) {
        return topology.declarables();
    }

    /**
     * Not a default injection candidate, so the application's own {@code ConnectionFactory}
     * injection points keep seeing only the application's factory.
     */
    @Bean(name = CONNECTION_FACTORY, defaultCandidate = false)
    @ConditionalOnMissingBean(name = CONNECTION_FACTORY)
    ConnectionFactory delayCloseConnectionFactory(ConnectionFactory applicationFactory,
            ObjectProvider<CachingConnectionFactoryConfigurer> configurer, ConfigurableListableBeanFactory beanFactory) {
        CachingConnectionFactoryConfigurer bootsConfigurer = configurer.getIfAvailable();
        if (bootsConfigurer != null && applicationFactory instanceof AbstractConnectionFactory bootsFactory
                && BootsConnectionFactory.isBuiltByBoot(beanFactory)) {
            return DelayCloseConnectionFactories.confirming(bootsFactory, bootsConfigurer);
        }
        return DelayCloseConnectionFactories.requireConfirming(applicationFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    TopologyDeclarer delayCloseTopologyDeclarer(@Qualifier(CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            @Qualifier("delayCloseDeclarables") Declarables declarables) {
        return new TopologyDeclarer(connectionFactory, declarables);
    }

    @Bean
    @ConditionalOnMissingBean
    DelayCloseMetrics delayCloseMetrics(ObjectProvider<MeterRegistry> registry) {
        return new DelayCloseMetrics(registry.getIfUnique(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    ConfirmedPublisher delayClosePublisher(@Qualifier(CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayCloseProperties properties) {
        return new ConfirmedPublisher(publishingTemplate(connectionFactory), properties.getPublish().getConfirmTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    OrderTimeoutScheduler orderTimeoutScheduler(ConfirmedPublisher publisher, DelayTopology topology,
            DelayCloseProperties properties, ApplicationEventPublisher events, DelayCloseMetrics metrics,
            @Qualifier("delayClosePublishExecutor") Executor publishExecutor) {
        DelayCloseProperties.Publish publish = properties.getPublish();
        return new OrderTimeoutScheduler(publisher, topology,
                OrderTimeoutScheduler.publishRetryPolicy(publish.getMaxAttempts(), publish.getBackoff()), events, metrics,
                publishExecutor);
    }

    /**
     * Publishes delay messages after commits, off the committing thread. Bounded: when the broker
     * is unreachable, a backlog beyond the queue is reported and left to the sweep rather than
     * growing without limit. Shut down gracefully so that committed orders still get published.
     */
    @Bean(name = "delayClosePublishExecutor", defaultCandidate = false)
    @ConditionalOnMissingBean(name = "delayClosePublishExecutor")
    ThreadPoolTaskExecutor delayClosePublishExecutor(DelayCloseProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("delay-close-publish-");
        executor.setCorePoolSize(properties.getPublish().getThreads());
        executor.setMaxPoolSize(properties.getPublish().getThreads());
        executor.setQueueCapacity(properties.getPublish().getQueueCapacity());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    @Bean
    @ConditionalOnMissingBean
    OrderCloser orderCloser(ObjectProvider<OrderRepository> orders, ObjectProvider<PaymentGateway> gateway,
            ObjectProvider<StockRestorer> stock, PaymentRecorder payments,
            @Qualifier("delayCloseTransactions") TransactionOperations transactions) {
        return new OrderCloser(SpiBeans.orderRepository(orders), SpiBeans.paymentGateway(gateway),
                SpiBeans.stockRestorer(stock), payments, transactions, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    PaymentRecorder paymentRecorder(ObjectProvider<OrderRepository> orders, ApplicationEventPublisher events,
            DelayCloseMetrics metrics) {
        return new PaymentRecorder(SpiBeans.orderRepository(orders), events, metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    Redelivery delayCloseRedelivery(@Qualifier(CONNECTION_FACTORY) ConnectionFactory connectionFactory,
            DelayTopology topology, ConfirmedPublisher publisher, DelayCloseProperties properties,
            DelayCloseMetrics metrics, TopologyDeclarer declarer) {
        ParkingRecoverer parking = new ParkingRecoverer(publishingTemplate(connectionFactory), topology.parkingQueue());
        parking.setConfirmTimeout(properties.getPublish().getConfirmTimeout().toMillis());
        return new Redelivery(topology, properties.getRecheck().getMaxRechecks(), publisher, parking, metrics,
                declarer::declare);
    }

    @Bean
    @ConditionalOnMissingBean
    TimeoutListener delayCloseTimeoutListener(OrderCloser closer, Redelivery redelivery, DelayCloseMetrics metrics) {
        return new TimeoutListener(closer, redelivery, metrics);
    }

    @Bean(name = "delayCloseListenerContainer")
    @ConditionalOnMissingBean(name = "delayCloseListenerContainer")
    SimpleMessageListenerContainer delayCloseListenerContainer(
            @Qualifier(CONNECTION_FACTORY) ConnectionFactory connectionFactory, DelayTopology topology,
            TimeoutListener listener, DelayCloseProperties properties, TopologyDeclarer declarer) {
        DelayCloseProperties.Listener settings = properties.getListener();
        ListenerSettingsCheck.validate(settings);
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        container.setQueueNames(topology.timeoutQueue());
        container.setMessageListener(listener);
        // AUTO acks after the listener returns, i.e. after the outcome is durable. A listener
        // exception rejects without requeue: the timeout queue dead-letters it to parking.
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setConcurrentConsumers(settings.getConcurrency());
        container.setMaxConcurrentConsumers(settings.getMaxConcurrency());
        container.setPrefetchCount(settings.getPrefetch());
        container.setAutoStartup(settings.isAutoStartup());
        // Redeclares the timeout queue if it is deleted while the application runs.
        container.setAmqpAdmin(declarer.admin());
        return container;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "delay-close.sweep.enabled", matchIfMissing = true)
    OverdueOrderSweeper overdueOrderSweeper(ObjectProvider<OrderRepository> orders, ConfirmedPublisher publisher,
            DelayTopology topology, DelayCloseProperties properties,
            @Qualifier("delayCloseTransactions") TransactionOperations transactions, DelayCloseMetrics metrics) {
        DelayCloseProperties.Sweep sweep = properties.getSweep();
        return new OverdueOrderSweeper(SpiBeans.orderRepository(orders), publisher, topology,
                new SweepSettings(sweep.getGrace(), sweep.getLookback(), sweep.getBatchSize()), Clock.systemUTC(),
                transactions, metrics);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "delay-close.sweep.enabled", matchIfMissing = true)
    SweepScheduler delayCloseSweepScheduler(OverdueOrderSweeper sweeper, DelayCloseProperties properties) {
        return new SweepScheduler(sweeper, properties.getSweep().getInterval());
    }

    /**
     * Publishes on a connection of its own: under a broker memory or disk alarm RabbitMQ blocks
     * publishing connections, and consumers on a shared one could then not even ack.
     */
    private static RabbitTemplate publishingTemplate(ConnectionFactory connectionFactory) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setUsePublisherConnection(true);
        return template;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("delayClose")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "delayCloseHealthIndicator")
        DelayCloseHealthIndicator delayCloseHealthIndicator(
                @Qualifier("delayCloseListenerContainer") AbstractMessageListenerContainer listener,
                @Qualifier(CONNECTION_FACTORY) ConnectionFactory connectionFactory, DelayTopology topology) {
            return new DelayCloseHealthIndicator(listener, new RabbitAdmin(connectionFactory), topology);
        }
    }

    @Bean
    @ConditionalOnMissingBean(name = "delayCloseTransactions")
    TransactionOperations delayCloseTransactions(ObjectProvider<PlatformTransactionManager> managers,
            BeanFactory beanFactory, DelayCloseProperties properties) {
        return CloseTransactions.select(managers, beanFactory, properties.getTransactionManager());
    }
}
