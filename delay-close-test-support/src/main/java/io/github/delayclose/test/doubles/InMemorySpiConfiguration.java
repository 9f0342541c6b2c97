package io.github.delayclose.test.doubles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The three SPI beans as in-memory doubles, for tests that run delay-close's auto-configuration
 * without a database or a payment provider. Import it ({@code @Import}, or
 * {@code ApplicationContextRunner.withUserConfiguration}) and inject the doubles by their classes
 * to arrange orders, stock and the provider's answers.
 */
@Configuration(proxyBeanMethods = false)
public class InMemorySpiConfiguration {

    @Bean
    InMemoryOrderRepository orders() {
        return new InMemoryOrderRepository();
    }

    @Bean
    InMemoryPaymentGateway gateway() {
        return new InMemoryPaymentGateway();
    }

    @Bean
    InMemoryStockRestorer stock() {
        return new InMemoryStockRestorer();
    }
}
