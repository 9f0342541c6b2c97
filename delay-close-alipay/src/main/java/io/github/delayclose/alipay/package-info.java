/**
 * The Alipay {@link io.github.delayclose.core.spi.PaymentGateway} ({@code alipay.trade.query},
 * {@code alipay.trade.close}) and a verifying parser for Alipay's asynchronous payment notifications.
 */
@NullMarked
package io.github.delayclose.alipay;

import org.jspecify.annotations.NullMarked;
