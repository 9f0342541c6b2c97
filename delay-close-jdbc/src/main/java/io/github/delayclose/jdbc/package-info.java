/**
 * Ready-made {@link io.github.delayclose.core.spi.OrderRepository} and
 * {@link io.github.delayclose.core.spi.StockRestorer} for MySQL 8 and MariaDB 10.6+, over Spring's
 * {@code JdbcClient}: {@link io.github.delayclose.jdbc.JdbcOrderRepository} and
 * {@link io.github.delayclose.jdbc.JdbcStockRestorer}. Needs {@code spring-jdbc}, an
 * optional dependency of this module.
 *
 * <p><b>Schema.</b> The defaults follow the tutorial's tables: {@code tb_order}, {@code tb_order_item},
 * {@code tb_order_log} and {@code tb_sku}, plus one table of this library's own,
 * {@code tb_stock_restore(order_id PRIMARY KEY)}, which makes restoring stock idempotent. Every table
 * and column name and every status code can be changed through the settings records
 * ({@link io.github.delayclose.jdbc.OrderTable},
 * {@link io.github.delayclose.jdbc.OrderLogTable},
 * {@link io.github.delayclose.jdbc.OrderItemTable},
 * {@link io.github.delayclose.jdbc.SkuTable},
 * {@link io.github.delayclose.jdbc.StockRestoreTable},
 * {@link io.github.delayclose.jdbc.OrderStatusCodes}). Reference Flyway migrations live on
 * the classpath at {@code db/delay-close/mysql}: {@code V1__tutorial_order_schema.sql} for a new shop,
 * {@code V2__stock_restore_marker.sql} for the marker table (the only one an existing tutorial-shaped
 * shop lacks). The overdue search wants an index on {@code (order_status, create_time)}.
 */
@NullMarked
package io.github.delayclose.jdbc;

import org.jspecify.annotations.NullMarked;
