package io.github.delayclose.autoconfigure;

import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * Tunes the timeout listener's container after delay-close has configured it, like Spring Boot's
 * own {@code ContainerCustomizer}: define a bean of this type to set what {@code delay-close.listener.*}
 * does not cover (an error handler, a task executor, consumer tags). Customizers run in
 * {@link org.springframework.core.annotation.Order} order. Changing the acknowledge mode or the
 * message listener breaks delay-close's guarantees.
 */
@FunctionalInterface
public interface DelayCloseListenerContainerCustomizer {

    /**
     * Customizes the container before it starts.
     *
     * @param container the timeout queue's listener container
     */
    void customize(SimpleMessageListenerContainer container);
}
