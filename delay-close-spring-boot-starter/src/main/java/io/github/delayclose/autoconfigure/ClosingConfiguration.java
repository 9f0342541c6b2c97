package io.github.delayclose.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.delayclose.core.attempt.AttemptLedger;
import io.github.delayclose.core.close.DatabaseGate;
import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.gateway.ObservedPaymentGateway;
import io.github.delayclose.core.gateway.RoutingPaymentGateway;
import io.github.delayclose.core.gateway.ThrottledPaymentGateway;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.StockRestorer;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;

/** Closing orders and recording payments, through the application's SPI beans. */
@Configuration(proxyBeanMethods = false)
class ClosingConfiguration {

    private static final Log log = LogFactory.getLog(ClosingConfiguration.class);

    static final String TRANSACTIONS = "delayCloseTransactions";

    @Bean
    @ConditionalOnMissingBean
    OrderCloser orderCloser(ObjectProvider<OrderRepository> orders, ObjectProvider<PaymentGateway> gateway,
            ObjectProvider<StockRestorer> stock, PaymentRecorder payments,
            @Qualifier(TRANSACTIONS) TransactionOperations transactions, DatabaseGate database,
            AttemptLedger attempts, DelayCloseProperties properties, DelayCloseMetrics metrics,
            ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry registry = observations.getIfUnique(() -> ObservationRegistry.NOOP);
        // Each provider gets its own ceiling, and is timed inside it: waiting for a turn is not the
        // provider being slow.
        PaymentGateway provider = SpiBeans.paymentGateway(gateway, each -> ThrottledPaymentGateway.of(
                new ObservedPaymentGateway(each, metrics, registry), properties.provider().toLimits()));
        OrderRepository repository = SpiBeans.orderRepository(orders);
        if (provider instanceof RoutingPaymentGateway routing && !repository.storesChannels()) {
            log.warn("Payment gateways for " + routing.channels() + " but " + repository.getClass().getSimpleName()
                    + " does not store each order's channel: every order is checked on every gateway. With "
                    + "delay-close-jdbc, set delay-close.jdbc.order-table.channel-column.");
        }
        return new OrderCloser(repository, provider, SpiBeans.stockRestorer(stock), payments,
                transactions, database, attempts, Clock.systemUTC());
    }

    /** The close-attempt state, when the application has a {@link CloseAttemptStore}; none otherwise. */
    @Bean
    @ConditionalOnMissingBean
    AttemptLedger delayCloseAttemptLedger(ObjectProvider<CloseAttemptStore> store, DatabaseGate database) {
        CloseAttemptStore found = store.getIfUnique();
        if (found == null) {
            log.warn("No CloseAttemptStore: delay-close cannot tell a lost timeout message from one waiting in a "
                    + "retry queue, nor see a stuck one. Add delay-close-jdbc (its store keeps the state in table "
                    + "delay_close_attempt) or define a CloseAttemptStore bean.");
        }
        return new AttemptLedger(found, database, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    DatabaseGate delayCloseDatabaseGate(DelayCloseProperties properties, ObjectProvider<DataSource> dataSource) {
        return DatabaseGates.sized(properties.listener(), dataSource.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    PaymentRecorder paymentRecorder(ObjectProvider<OrderRepository> orders, ApplicationEventPublisher events,
            DelayCloseMetrics metrics) {
        return new PaymentRecorder(SpiBeans.orderRepository(orders), events, metrics);
    }

    @Bean(TRANSACTIONS)
    @ConditionalOnMissingBean(name = TRANSACTIONS)
    TransactionOperations delayCloseTransactions(ObjectProvider<PlatformTransactionManager> managers,
            BeanFactory beanFactory, DelayCloseProperties properties) {
        return CloseTransactions.select(managers, beanFactory, properties.transactionManager());
    }
}
