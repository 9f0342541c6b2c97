package io.github.delayclose.test.doubles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three SPI beans as in-memory doubles, for tests that script the provider's answers. */
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
