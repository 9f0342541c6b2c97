package io.github.delayclose.jdbc.autoconfigure;

import javax.sql.DataSource;

import io.github.delayclose.autoconfigure.DelayCloseAutoConfiguration;
import io.github.delayclose.autoconfigure.DelayCloseProperties;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.jdbc.JdbcCloseAttemptStore;
import io.github.delayclose.jdbc.JdbcOrderRepository;
import io.github.delayclose.jdbc.JdbcStockRestorer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The JDBC {@link OrderRepository} and {@link StockRestorer} on the application's DataSource, when
 * {@code delay-close.jdbc.enabled=true}. Each backs off when the application defines its own bean of
 * that SPI.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = DelayCloseAutoConfiguration.class)
@ConditionalOnClass({ JdbcClient.class, JdbcOrderRepository.class })
@ConditionalOnBooleanProperty(name = "delay-close.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("delay-close.jdbc.enabled")
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties({ DelayCloseJdbcProperties.class, DelayCloseProperties.class })
public class DelayCloseJdbcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OrderRepository.class)
    @DependsOnDatabaseInitialization
    JdbcOrderRepository jdbcOrderRepository(DataSource dataSource, DelayCloseJdbcProperties properties,
            DelayCloseProperties delayClose) {
        JdbcOrderRepository.Builder builder = JdbcOrderRepository.builder(dataSource)
                .orderTable(properties.orderTable())
                .statusCodes(properties.statusCodes())
                .paymentWindow(delayClose.timeout());
        if (properties.operator() != null) {
            builder.operator(properties.operator());
        }
        if (properties.zone() != null) {
            builder.zone(properties.zone());
        }
        if (properties.orderLog()) {
            builder.orderLogTable(properties.orderLogTable());
        }
        else {
            builder.withoutOrderLog();
        }
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean(CloseAttemptStore.class)
    @DependsOnDatabaseInitialization // the table may come from the application's Flyway migrations
    @ConditionalOnBooleanProperty(name = "delay-close.jdbc.close-attempts", matchIfMissing = true)
    JdbcCloseAttemptStore jdbcCloseAttemptStore(DataSource dataSource, DelayCloseJdbcProperties properties) {
        JdbcCloseAttemptStore store = properties.closeAttemptTable() == null ? new JdbcCloseAttemptStore(dataSource)
                : new JdbcCloseAttemptStore(dataSource, properties.closeAttemptTable());
        store.verifyTable();
        return store;
    }

    @Bean
    @ConditionalOnMissingBean(StockRestorer.class)
    @DependsOnDatabaseInitialization
    JdbcStockRestorer jdbcStockRestorer(DataSource dataSource, DelayCloseJdbcProperties properties) {
        return JdbcStockRestorer.builder(dataSource)
                .orderItemTable(properties.orderItemTable())
                .skuTable(properties.skuTable())
                .restoreTable(properties.stockRestoreTable())
                .build();
    }
}
