package io.github.delayclose.autoconfigure;

import javax.sql.DataSource;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.defaults.jdbc.JdbcOrderRepository;
import io.github.delayclose.defaults.jdbc.JdbcStockRestorer;
import io.github.delayclose.defaults.wxpay.WxPayPaymentGateway;
import io.github.delayclose.defaults.wxpay.WxPayTimeoutCheck;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ready-made SPI implementations from {@code delay-close-defaults}, each switched on by its
 * properties and backing off when the application defines its own bean of that SPI.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcOrderRepository.class)
@ConditionalOnBooleanProperty(name = "delay-close.enabled", matchIfMissing = true)
public class DelayCloseDefaultsAutoConfiguration {

    /** {@code delay-close.jdbc.enabled=true}: orders and stock in tutorial-shaped MySQL/MariaDB tables. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
    @ConditionalOnBooleanProperty("delay-close.jdbc.enabled")
    @ConditionalOnSingleCandidate(DataSource.class)
    @EnableConfigurationProperties(DelayCloseJdbcProperties.class)
    static class JdbcConfiguration {

        @Bean
        @ConditionalOnMissingBean(OrderRepository.class)
        JdbcOrderRepository jdbcOrderRepository(DataSource dataSource, DelayCloseJdbcProperties properties) {
            JdbcOrderRepository.Builder builder = JdbcOrderRepository.builder(dataSource)
                    .orderTable(properties.getOrderTable().toOrderTable())
                    .statusCodes(properties.getStatusCodes().toOrderStatusCodes())
                    .operator(properties.getOperator());
            if (properties.getZone() != null) {
                builder.zone(properties.getZone());
            }
            if (properties.isOrderLog()) {
                builder.orderLogTable(properties.getOrderLogTable().toOrderLogTable());
            }
            else {
                builder.withoutOrderLog();
            }
            return builder.build();
        }

        @Bean
        @ConditionalOnMissingBean(StockRestorer.class)
        JdbcStockRestorer jdbcStockRestorer(DataSource dataSource, DelayCloseJdbcProperties properties) {
            return JdbcStockRestorer.builder(dataSource)
                    .orderItemTable(properties.getOrderItemTable().toOrderItemTable())
                    .skuTable(properties.getSkuTable().toSkuTable())
                    .restoreTable(properties.getStockRestoreTable().toStockRestoreTable())
                    .build();
        }
    }

    /** {@code delay-close.wxpay.api-key} set: the WeChat Pay v2 gateway on wxpay-sdk. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.github.wxpay.sdk.WXPay")
    @ConditionalOnProperty(prefix = "delay-close.wxpay", name = "api-key")
    @EnableConfigurationProperties({ DelayCloseWxPayProperties.class, DelayCloseProperties.class })
    static class WxPayConfiguration {

        @Bean
        @ConditionalOnMissingBean(PaymentGateway.class)
        WxPayPaymentGateway wxPayPaymentGateway(DelayCloseWxPayProperties wxPay, DelayCloseProperties properties) {
            // WeChat refuses to close an order within 5 minutes of its creation; a shorter payment
            // window would make every close fail and retry until the 5 minutes are up.
            WxPayTimeoutCheck.warnIfTooShort(properties.getTimeout());
            try {
                return new WxPayPaymentGateway(wxPay.toSettings());
            }
            catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("delay-close.wxpay: " + ex.getMessage(), ex);
            }
        }
    }
}
