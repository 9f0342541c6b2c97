/**
 * The three interfaces a host application implements: {@link io.github.delayclose.core.spi.OrderRepository},
 * {@link io.github.delayclose.core.spi.PaymentGateway} and {@link io.github.delayclose.core.spi.StockRestorer},
 * with the typed values they exchange.
 */
@NullMarked
package io.github.delayclose.core.spi;

import org.jspecify.annotations.NullMarked;
