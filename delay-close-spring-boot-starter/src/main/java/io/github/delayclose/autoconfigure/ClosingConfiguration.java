package io.github.delayclose.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import io.github.delayclose.core.close.DatabaseGate;
import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.gateway.ThrottledPaymentGateway;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.StockRestorer;
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

    static final String TRANSACTIONS = "delayCloseTransactions";

    @Bean
    @ConditionalOnMissingBean
    OrderCloser orderCloser(ObjectProvider<OrderRepository> orders, ObjectProvider<PaymentGateway> gateway,
            ObjectProvider<StockRestorer> stock, PaymentRecorder payments,
            @Qualifier(TRANSACTIONS) TransactionOperations transactions, DatabaseGate database,
            DelayCloseProperties properties) {
        PaymentGateway provider = ThrottledPaymentGateway.of(SpiBeans.paymentGateway(gateway),
                properties.provider().toLimits());
        return new OrderCloser(SpiBeans.orderRepository(orders), provider, SpiBeans.stockRestorer(stock), payments,
                transactions, database, Clock.systemUTC());
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
