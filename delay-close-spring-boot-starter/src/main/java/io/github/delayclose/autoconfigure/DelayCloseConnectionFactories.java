package io.github.delayclose.autoconfigure;

import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;

/**
 * Builds delay-close's own connection factory: the same broker, credentials, TLS and customizers as
 * the application's (it wraps the same RabbitMQ client factory), but always with correlated
 * publisher confirms and returns, which delay-close needs so that no order's timeout is lost. A
 * separate connection keeps those settings from changing how the application's own RabbitTemplate
 * behaves.
 */
final class DelayCloseConnectionFactories {

    private DelayCloseConnectionFactories() {
    }

    /**
     * @param bootsFactory the connection factory Spring Boot built from {@code spring.rabbitmq.*}
     * @param configurer Boot's configurer of those same properties
     */
    static ConnectionFactory confirming(AbstractConnectionFactory bootsFactory, CachingConnectionFactoryConfigurer configurer) {
        // A clone, so that Boot's metrics binder, which sets a collector on the client factory of
        // each connection factory bean, counts the application's and delay-close's traffic apart.
        CachingConnectionFactory factory = new CachingConnectionFactory(bootsFactory.getRabbitConnectionFactory().clone());
        configurer.configure(factory); // cache sizes and addresses from spring.rabbitmq.*
        factory.setPublisherConfirmType(ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        factory.setConnectionNameStrategy(connectionFactory -> "delay-close");
        return factory;
    }

    /**
     * When the application built its own connection factory, delay-close cannot know how to reach
     * the same broker on a connection of its own: it uses the application's, if it can confirm.
     */
    static ConnectionFactory requireConfirming(ConnectionFactory applicationFactory) {
        if (!applicationFactory.isPublisherConfirms() || !applicationFactory.isPublisherReturns()) {
            throw new IllegalStateException("delay-close needs publisher confirms and returns so that no order's "
                    + "timeout is lost, but the application's ConnectionFactory has them off. Enable correlated "
                    + "publisher confirms and publisher returns on it, or define a ConnectionFactory bean named "
                    + "'delayCloseConnectionFactory' (with both on) for delay-close's own use.");
        }
        return applicationFactory;
    }
}
