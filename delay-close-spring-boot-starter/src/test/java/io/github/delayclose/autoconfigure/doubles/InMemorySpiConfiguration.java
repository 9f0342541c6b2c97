package io.github.delayclose.autoconfigure.doubles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three SPI beans as in-memory doubles, for tests that script the provider's answers. */
@Configuration(proxyBeanMethods = false)
public class InMemorySpiConfiguration {

    @Bean
    InMemoryOrders orders() {
        return new InMemoryOrders();
    }

    @Bean
    ScriptedGateway gateway() {
        return new ScriptedGateway();
    }

    @Bean
    RecordingStockRestorer stock() {
        return new RecordingStockRestorer();
    }
}
