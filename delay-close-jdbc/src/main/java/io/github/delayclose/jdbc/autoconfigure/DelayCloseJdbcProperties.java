package io.github.delayclose.jdbc.autoconfigure;

import java.time.ZoneId;

import io.github.delayclose.jdbc.OrderItemTable;
import io.github.delayclose.jdbc.OrderLogTable;
import io.github.delayclose.jdbc.OrderStatusCodes;
import io.github.delayclose.jdbc.OrderTable;
import io.github.delayclose.jdbc.SkuTable;
import io.github.delayclose.jdbc.StockRestoreTable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The JDBC {@code OrderRepository} and {@code StockRestorer}, under {@code delay-close.jdbc.*}.
 *
 * <p>The table groups bind straight onto the settings records the JDBC classes take, and each of
 * those records knows its own defaults (the tutorial's schema, shipped as Flyway scripts at
 * {@code classpath:db/delay-close/mysql}): a property states only what differs.
 *
 * @param enabled whether to create the JDBC OrderRepository and StockRestorer on the application's
 *     single DataSource (each unless the application defines its own)
 * @param zone time zone of the DATETIME columns; the JVM's zone when not set
 * @param orderLog whether to write an order-log row for every transition
 * @param operator operator written into order-log rows; "system" when not set
 * @param orderTable the orders table and its columns
 * @param orderLogTable the order-log table and its columns
 * @param orderItemTable the order-items table and its columns
 * @param skuTable the SKU (stock) table and its columns
 * @param stockRestoreTable the marker table that makes stock restores idempotent per order
 * @param statusCodes the values stored in the status columns
 * @param closeAttempts whether to keep delay-close's close-attempt state in a table of this database
 *     (so the sweep tells lost messages from waiting ones, and a parked order stays parked)
 * @param closeAttemptTable the close-attempt table; {@code delay_close_attempt} when not set
 */
@ConfigurationProperties("delay-close.jdbc")
public record DelayCloseJdbcProperties(boolean enabled, @Nullable ZoneId zone, @DefaultValue("true") boolean orderLog,
        @Nullable String operator,
        @DefaultValue @NestedConfigurationProperty OrderTable orderTable,
        @DefaultValue @NestedConfigurationProperty OrderLogTable orderLogTable,
        @DefaultValue @NestedConfigurationProperty OrderItemTable orderItemTable,
        @DefaultValue @NestedConfigurationProperty SkuTable skuTable,
        @DefaultValue @NestedConfigurationProperty StockRestoreTable stockRestoreTable,
        @DefaultValue @NestedConfigurationProperty OrderStatusCodes statusCodes,
        @DefaultValue("true") boolean closeAttempts, @Nullable String closeAttemptTable) {
}
