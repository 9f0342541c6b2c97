/**
 * Spring Boot auto-configuration of the Alipay PaymentGateway, under {@code delay-close.alipay.*}.
 */
@NullMarked
package io.github.delayclose.alipay.autoconfigure;

import org.jspecify.annotations.NullMarked;
