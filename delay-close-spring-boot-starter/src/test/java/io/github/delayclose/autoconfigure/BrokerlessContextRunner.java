package io.github.delayclose.autoconfigure;

import io.github.delayclose.autoconfigure.health.DelayCloseHealthAutoConfiguration;
import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * delay-close's auto-configuration on in-memory SPIs with no broker, for unit tests of its wiring:
 * the broker's port is closed, so the topology declarer only warns that it cannot connect, and
 * neither the listener nor the sweep starts.
 */
public final class BrokerlessContextRunner {

    private BrokerlessContextRunner() {
    }

    /** A runner with Boot's and delay-close's auto-configurations, health included. */
    public static ApplicationContextRunner create() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class,
                        DelayCloseAutoConfiguration.class, DelayCloseHealthAutoConfiguration.class))
                .withUserConfiguration(InMemorySpiConfiguration.class)
                .withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=1",
                        "delay-close.listener.auto-startup=false", "delay-close.sweep.enabled=false");
    }
}
