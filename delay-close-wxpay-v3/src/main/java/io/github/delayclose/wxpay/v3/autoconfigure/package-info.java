/**
 * Spring Boot auto-configuration of the WeChat Pay v3 PaymentGateway, under {@code delay-close.wxpay-v3.*}.
 */
@NullMarked
package io.github.delayclose.wxpay.v3.autoconfigure;

import org.jspecify.annotations.NullMarked;
