/**
 * The WeChat Pay API v3 {@link io.github.delayclose.core.spi.PaymentGateway} and a verifying, decrypting
 * parser for v3 payment notifications, on wechatpay-java with delay-close's own HTTP transport.
 */
@NullMarked
package io.github.delayclose.wxpay.v3;

import org.jspecify.annotations.NullMarked;
