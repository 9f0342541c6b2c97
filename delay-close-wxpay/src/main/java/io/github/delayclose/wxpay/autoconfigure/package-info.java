/**
 * Spring Boot auto-configuration of the WeChat Pay v2 PaymentGateway, under {@code
 * delay-close.wxpay.*}.
 */
@NullMarked
package io.github.delayclose.wxpay.autoconfigure;

import org.jspecify.annotations.NullMarked;
