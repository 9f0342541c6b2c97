package io.github.delayclose.autoconfigure;

import io.github.delayclose.test.services.TopologyCleanupConfiguration;
import java.time.Duration;
import java.util.UUID;

import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.core.topology.QueueType;
import io.github.delayclose.test.services.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configuration's wiring: defaults, properties, backing off, switching off. The context
 * connects to the test broker (to declare the topology) but the listener does not start.
 */
class DelayCloseAutoConfigurationIT {

    private final String prefix = "it.autoconfig." + UUID.randomUUID().toString().substring(0, 8);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, DelayCloseAutoConfiguration.class,
                    io.github.delayclose.autoconfigure.health.DelayCloseHealthAutoConfiguration.class))
            .withPropertyValues(TestServices.rabbit().propertyValues())
            .withUserConfiguration(TopologyCleanupConfiguration.class)
            .withPropertyValues("delay-close.listener.auto-startup=false", "delay-close.sweep.enabled=false",
                    "delay-close.queues.delay=" + prefix + ".delay", "delay-close.queues.timeout=" + prefix + ".timeout",
                    "delay-close.queues.parking=" + prefix + ".parking",
                    "delay-close.queues.dead-letter-exchange=" + prefix + ".dlx");

    @Test
    void defaultsGiveTheTutorialNamesAndAParallelListener() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, DelayCloseAutoConfiguration.class,
                    io.github.delayclose.autoconfigure.health.DelayCloseHealthAutoConfiguration.class))
                .withUserConfiguration(InMemorySpiConfiguration.class)
                // No broker needed to inspect the wiring: the topology declarer only warns that it
                // cannot connect, and the listener does not start.
                .withPropertyValues("spring.rabbitmq.port=1", "delay-close.listener.auto-startup=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    DelayTopology topology = context.getBean(DelayTopology.class);
                    assertThat(topology.delayQueue()).isEqualTo("queue.ordercreate");
                    assertThat(topology.deadLetterExchange()).isEqualTo("exchange.ordertimeout");
                    assertThat(topology.timeoutQueue()).isEqualTo("queue.ordertimeout");
                    assertThat(topology.parkingQueue()).isEqualTo("queue.ordertimeout.parking");
                    assertThat(topology.timeout()).isEqualTo(Duration.ofMinutes(30));
                    assertThat(topology.queueType()).as("replicated by default").isEqualTo(QueueType.QUORUM);
                    assertThat(topology.layout()).isEqualTo(io.github.delayclose.core.topology.DelayLayout.LEVELS);
                    assertThat(context).hasSingleBean(OrderTimeoutScheduler.class).hasSingleBean(OrderCloser.class)
                            .hasSingleBean(TimeoutListener.class).hasSingleBean(PaymentRecorder.class)
                            .hasSingleBean(OverdueOrderSweeper.class).hasSingleBean(Declarables.class);
                    SimpleMessageListenerContainer container = context.getBean("delayCloseListenerContainer",
                            SimpleMessageListenerContainer.class);
                    assertThat(container.getQueueNames()).containsExactly("queue.ordertimeout");
                    // A window of 200 closes over 2 consumers, each holding its share unacknowledged.
                    assertThat(container).extracting("concurrentConsumers").isEqualTo(2);
                    assertThat(container).extracting("prefetchCount").isEqualTo(100);
                    assertThat(container.getAcknowledgeMode()).isEqualTo(org.springframework.amqp.core.AcknowledgeMode.MANUAL);
                    assertThat(context.getBean(io.github.delayclose.core.listen.CloseWindow.class).size()).isEqualTo(200);
                });
    }

    @Test
    void ownConnectionConfirmsWhileTheApplicationsConnectionIsUntouched() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class).run(context -> {
            ConnectionFactory own = context.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY, ConnectionFactory.class);
            assertThat(own.isPublisherConfirms()).isTrue();
            assertThat(own.isPublisherReturns()).isTrue();
            // The application's injection points still see exactly one ConnectionFactory: Boot's.
            ConnectionFactory application = context.getBean(ConnectionFactory.class);
            assertThat(application).isNotSameAs(own);
            assertThat(application.isPublisherConfirms()).isFalse();
            assertThat(context.getBean(RabbitTemplate.class).isMandatoryFor(null)).isFalse();
        });
    }

    @Test
    void ownConnectionHasItsOwnClientFactorySoMetricsStayApart() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class).run(context -> {
            ConnectionFactory own = context.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY, ConnectionFactory.class);
            ConnectionFactory application = context.getBean(ConnectionFactory.class);
            assertThat(((org.springframework.amqp.rabbit.connection.AbstractConnectionFactory) own).getRabbitConnectionFactory())
                    .isNotSameAs(((org.springframework.amqp.rabbit.connection.AbstractConnectionFactory) application)
                            .getRabbitConnectionFactory());
        });
    }

    @Test
    void applicationsOwnConnectionFactoryWithoutConfirmsFailsStartUpInsteadOfGuessingTheBroker() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class)
                .withBean("myConnectionFactory", ConnectionFactory.class,
                        () -> new org.springframework.amqp.rabbit.connection.CachingConnectionFactory("rabbit.example.invalid", 5999))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("define a ConnectionFactory bean named 'delayCloseConnectionFactory'"));
    }

    @Test
    void applicationsOwnFactoryForTheSameBrokerGetsAConfirmingConnectionOfItsOwn() {
        io.github.delayclose.test.services.RabbitEndpoint rabbit = TestServices.rabbit();
        org.springframework.amqp.rabbit.connection.CachingConnectionFactory mine =
                new org.springframework.amqp.rabbit.connection.CachingConnectionFactory(rabbit.host(), rabbit.port());
        mine.setUsername(rabbit.username());
        mine.setPassword(rabbit.password());
        mine.setPublisherConfirmType(org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType.CORRELATED);
        mine.setPublisherReturns(true);
        runner.withUserConfiguration(InMemorySpiConfiguration.class)
                .withBean("myConnectionFactory", ConnectionFactory.class, () -> mine)
                .run(context -> {
                    ConnectionFactory delayClose = context.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY,
                            ConnectionFactory.class);
                    assertThat(delayClose).isNotSameAs(mine);
                    assertThat(delayClose.isPublisherConfirms()).isTrue();
                    assertThat(delayClose.getHost()).isEqualTo(mine.getHost());
                });
    }

    @Test
    void propertiesBind() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class)
                .withPropertyValues("delay-close.timeout=45s", "delay-close.queues.type=quorum",
                        "delay-close.queues.layout=fixed", "delay-close.queues.delivery-limit=7",
                        "delay-close.retry.max-attempts=4", "delay-close.retry.initial-interval=2s",
                        "delay-close.retry.multiplier=2", "delay-close.retry.max-interval=3s",
                        "delay-close.recheck.interval=7s", "delay-close.listener.consumers=3",
                        "delay-close.listener.window=7",
                        "delay-close.queues.delay=" + prefix + ".q.delay", "delay-close.queues.timeout=" + prefix + ".q.timeout",
                        "delay-close.queues.parking=" + prefix + ".q.parking",
                        "delay-close.queues.dead-letter-exchange=" + prefix + ".q.dlx")
                .run(context -> {
                    DelayTopology topology = context.getBean(DelayTopology.class);
                    assertThat(topology.timeout()).isEqualTo(Duration.ofSeconds(45));
                    assertThat(topology.queueType()).isEqualTo(QueueType.QUORUM);
                    assertThat(topology.deliveryLimit()).isEqualTo(7);
                    assertThat(topology.retryBackoff().distinctDelays())
                            .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
                    assertThat(topology.recheckQueue()).isEqualTo(prefix + ".q.timeout.recheck.7000ms");
                    SimpleMessageListenerContainer container = context.getBean("delayCloseListenerContainer",
                            SimpleMessageListenerContainer.class);
                    assertThat(container).extracting("concurrentConsumers").isEqualTo(3);
                    assertThat(container).extracting("maxConcurrentConsumers").isEqualTo(3);
                    assertThat(container).extracting("prefetchCount").as("each consumer's share of the window")
                            .isEqualTo(2);
                    assertThat(context.getBean(io.github.delayclose.core.listen.CloseWindow.class).size()).isEqualTo(7);
                    Queue delay = context.getBean(Declarables.class).getDeclarablesByType(Queue.class).stream()
                            .filter(queue -> queue.getName().equals(prefix + ".q.delay")).findFirst().orElseThrow();
                    assertThat(delay.getArguments()).containsEntry("x-message-ttl", 45_000)
                            .containsEntry("x-queue-type", "quorum");
                });
    }

    @Test
    void healthIsUnknownWhereTheListenerIsNotMeantToRun() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class).run(context -> {
            context.getBean(io.github.delayclose.core.monitor.DelayCloseMonitor.class).refresh();
            org.springframework.boot.health.contributor.Health health = context.getBean(io.github.delayclose.autoconfigure.health.DelayCloseHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UNKNOWN);
            assertThat(health.getDetails()).containsEntry("parkedMessages", 0L);
        });
    }

    @Test
    void healthIsDownAndSaysWhyWhenTheBrokerIsUnreachableAtStartUp() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, DelayCloseAutoConfiguration.class,
                        io.github.delayclose.autoconfigure.health.DelayCloseHealthAutoConfiguration.class))
                .withUserConfiguration(InMemorySpiConfiguration.class)
                .withPropertyValues("spring.rabbitmq.port=1", "delay-close.sweep.enabled=false")
                .run(context -> {
                    assertThat(context).as("starts without the broker, and connects when it comes").hasNotFailed();
                    context.getBean(io.github.delayclose.core.monitor.DelayCloseMonitor.class).refresh();
                    org.springframework.boot.health.contributor.Health health = context
                            .getBean(io.github.delayclose.autoconfigure.health.DelayCloseHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
                    assertThat(health.getDetails().get("broker")).asString().startsWith("unreachable");
                    assertThat(health.getDetails().get("listener")).asString().doesNotStartWith("running (");
                });
    }

    @Test
    void healthIsDownWhenTheListenerStopped() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class).withPropertyValues("delay-close.listener.auto-startup=true")
                .run(context -> {
                    SimpleMessageListenerContainer container = context.getBean("delayCloseListenerContainer",
                            SimpleMessageListenerContainer.class);
                    io.github.delayclose.autoconfigure.health.DelayCloseHealthIndicator indicator = context.getBean(io.github.delayclose.autoconfigure.health.DelayCloseHealthIndicator.class);
                    assertThat(indicator.health().getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UP);
                    container.stop();
                    org.springframework.boot.health.contributor.Health health = indicator.health();
                    assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("listener", "stopped");
                });
    }

    @Test
    void severalTransactionManagersWithoutAPrimaryFailWithTheWayOut() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class)
                .withBean("ordersTx", PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource()))
                .withBean("otherTx", PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource()))
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("Set delay-close.transaction-manager"));
    }

    @Test
    void transactionManagerChosenByName() {
        PlatformTransactionManager orders = new DataSourceTransactionManager(dataSource());
        runner.withUserConfiguration(InMemorySpiConfiguration.class)
                .withBean("ordersTx", PlatformTransactionManager.class, () -> orders)
                .withBean("otherTx", PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource()))
                .withPropertyValues("delay-close.transaction-manager=ordersTx")
                .run(context -> assertThat(context.getBean("delayCloseTransactions"))
                        .isInstanceOf(TransactionTemplate.class)
                        .extracting("transactionManager").isSameAs(orders));
    }

    @Test
    void withoutATransactionManagerClosesWithoutATransaction() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class)
                .run(context -> assertThat(context.getBean("delayCloseTransactions"))
                        .isNotInstanceOf(TransactionTemplate.class));
    }

    private static javax.sql.DataSource dataSource() {
        return new org.springframework.jdbc.datasource.DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/none");
    }

    @Test
    void userBeanWins() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class, UserTopologyConfiguration.class).run(context -> {
            assertThat(context).hasSingleBean(DelayTopology.class);
            assertThat(context.getBean(DelayTopology.class)).isSameAs(context.getBean("userTopology"));
            assertThat(context.getBean("delayCloseListenerContainer", SimpleMessageListenerContainer.class).getQueueNames())
                    .containsExactly(prefix + ".user.timeout");
        });
    }

    @Test
    void disabledDeclaresAndListensToNothing() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class).withPropertyValues("delay-close.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DelayTopology.class)
                        .doesNotHaveBean(OrderTimeoutScheduler.class).doesNotHaveBean(TimeoutListener.class)
                        .doesNotHaveBean("delayCloseListenerContainer").doesNotHaveBean(Declarables.class));
    }

    @Test
    void backsOffWithoutSpringRabbit() {
        runner.withUserConfiguration(InMemorySpiConfiguration.class)
                .withClassLoader(new FilteredClassLoader(RabbitTemplate.class))
                .run(context -> assertThat(context).doesNotHaveBean(OrderTimeoutScheduler.class)
                        .doesNotHaveBean(DelayTopology.class));
    }

    @Test
    void missingOrderRepositoryNamesTheInterfaceAndTheWayOut() {
        runner.withBean(PaymentGateway.class, InMemoryPaymentGateway::new)
                .withBean(StockRestorer.class, InMemoryStockRestorer::new)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new DelayCloseFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains(OrderRepository.class.getName());
                    assertThat(analysis.getAction()).contains("Define a @Bean that implements")
                            .contains("delay-close.jdbc.enabled=true").contains("delay-close.enabled=false");
                });
    }

    @Test
    void missingGatewayAndRestorerAreNamedToo() {
        runner.withBean(OrderRepository.class, InMemoryOrderRepository::new)
                .withBean(StockRestorer.class, InMemoryStockRestorer::new)
                .run(context -> assertThat(new DelayCloseFailureAnalyzer().analyze(context.getStartupFailure())
                        .getDescription()).contains(PaymentGateway.class.getName()));
        runner.withBean(OrderRepository.class, InMemoryOrderRepository::new)
                .withBean(PaymentGateway.class, InMemoryPaymentGateway::new)
                .run(context -> assertThat(new DelayCloseFailureAnalyzer().analyze(context.getStartupFailure())
                        .getAction()).contains("StockRestorer.none()"));
    }

    @Configuration(proxyBeanMethods = false)
    static class UserTopologyConfiguration {

        @Bean
        DelayTopology userTopology(org.springframework.core.env.Environment environment) {
            String prefix = environment.getProperty("delay-close.queues.delay").replace(".delay", "");
            return new DelayTopology(prefix + ".user.delay", prefix + ".user.dlx", prefix + ".user.timeout",
                    prefix + ".user.parking", QueueType.CLASSIC, Duration.ofMinutes(1),
                    new io.github.delayclose.core.topology.RetryBackoff(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(4)),
                    Duration.ofSeconds(10));
        }
    }
}
