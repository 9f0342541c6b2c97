package io.github.delayclose.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** A {@link DelayCloseListenerContainerCustomizer} bean tunes the timeout listener's container. */
class DelayCloseListenerContainerCustomizerTest {

    private final ApplicationContextRunner runner = BrokerlessContextRunner.create();

    @Test
    void customizerTunesTheContainer() {
        runner.withBean(DelayCloseListenerContainerCustomizer.class,
                () -> container -> container.setListenerId("shop-order-timeouts"))
                .run(context -> assertThat(container(context.getBean("delayCloseListenerContainer")).getListenerId())
                        .isEqualTo("shop-order-timeouts"));
    }

    @Test
    void customizersRunInOrderSoTheLastOneWins() {
        runner.withUserConfiguration(OrderedCustomizers.class).run(context -> {
            assertThat(context.getBean(OrderedCustomizers.class).calls).containsExactly("first", "second", "unordered");
            assertThat(container(context.getBean("delayCloseListenerContainer")).getListenerId()).isEqualTo("unordered");
        });
    }

    private static SimpleMessageListenerContainer container(Object bean) {
        return (SimpleMessageListenerContainer) bean;
    }

    /** Declared out of order; each names the container after itself and records that it ran. */
    @Configuration(proxyBeanMethods = false)
    static class OrderedCustomizers {

        final List<String> calls = new CopyOnWriteArrayList<>();

        @Bean
        DelayCloseListenerContainerCustomizer unordered() {
            return container -> named(container, "unordered");
        }

        @Bean
        @Order(2)
        DelayCloseListenerContainerCustomizer second() {
            return container -> named(container, "second");
        }

        @Bean
        @Order(1)
        DelayCloseListenerContainerCustomizer first() {
            return container -> named(container, "first");
        }

        private void named(SimpleMessageListenerContainer container, String name) {
            calls.add(name);
            container.setListenerId(name);
        }
    }
}
