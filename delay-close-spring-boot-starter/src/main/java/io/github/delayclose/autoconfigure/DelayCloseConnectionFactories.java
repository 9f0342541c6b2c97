package io.github.delayclose.autoconfigure;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Builds delay-close's own connection factory: the same broker, credentials, TLS and customizers as
 * the application's (it wraps a clone of the same RabbitMQ client factory), but always with
 * correlated publisher confirms and returns, which delay-close needs so that no order's timeout is
 * lost. A separate connection keeps those settings from changing how the application's own
 * RabbitTemplate behaves.
 */
final class DelayCloseConnectionFactories {

    private DelayCloseConnectionFactories() {
    }

    /**
     * A confirming factory for the broker the application's factory talks to.
     *
     * <p>When the application's factory connects where {@code spring.rabbitmq.*} (Boot's connection
     * details) says, delay-close clones its client factory and applies the same {@code spring.rabbitmq.*}
     * settings (every cluster address, cache sizes). Otherwise the application built its factory for
     * another broker, and delay-close cannot know how to open connections of its own there: it uses
     * the application's factory if that can confirm, and fails start-up asking for a
     * {@code delayCloseConnectionFactory} bean if not.
     */
    static ConnectionFactory forBrokerOf(ConnectionFactory applicationFactory,
            @Nullable RabbitConnectionDetails connectionDetails, @Nullable CachingConnectionFactoryConfigurer configurer) {
        if (connectionDetails != null && configurer != null
                && applicationFactory instanceof AbstractConnectionFactory described
                && isTheBrokerOf(described, connectionDetails)) {
            return confirming(described, configurer);
        }
        return requireConfirming(applicationFactory);
    }

    private static boolean isTheBrokerOf(AbstractConnectionFactory factory, RabbitConnectionDetails details) {
        RabbitConnectionDetails.Address first = details.getFirstAddress();
        return first.host().equals(factory.getHost()) && first.port() == factory.getPort()
                && Objects.equals(orRoot(details.getVirtualHost()), orRoot(factory.getVirtualHost()))
                && Objects.equals(details.getUsername(), factory.getUsername());
    }

    private static String orRoot(@Nullable String virtualHost) {
        return virtualHost == null || virtualHost.isEmpty() ? "/" : virtualHost;
    }

    private static ConnectionFactory confirming(AbstractConnectionFactory applicationFactory,
            CachingConnectionFactoryConfigurer configurer) {
        // A clone, so that Boot's metrics binder, which sets a collector on the client factory of
        // each connection factory bean, counts the application's and delay-close's traffic apart.
        com.rabbitmq.client.ConnectionFactory client = applicationFactory.getRabbitConnectionFactory().clone();
        // Daemon threads: a failed start-up, or a context nobody closes, must not keep the JVM alive.
        CustomizableThreadFactory threads = new CustomizableThreadFactory("delay-close-amqp-");
        threads.setDaemon(true);
        client.setThreadFactory(threads);
        CachingConnectionFactory factory = new DaemonThreadsConnectionFactory(client);
        configurer.configure(factory); // addresses and cache sizes from spring.rabbitmq.*
        factory.setPublisherConfirmType(ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        factory.setConnectionNameStrategy(connectionFactory -> "delay-close");
        return factory;
    }

    private static ConnectionFactory requireConfirming(ConnectionFactory applicationFactory) {
        if (!applicationFactory.isPublisherConfirms() || !applicationFactory.isPublisherReturns()) {
            throw new IllegalStateException("delay-close needs publisher confirms and returns so that no order's "
                    + "timeout is lost, but the application's ConnectionFactory (which does not connect where "
                    + "spring.rabbitmq.* says) has them off. Enable correlated publisher confirms and publisher "
                    + "returns on it, or define a ConnectionFactory bean named '"
                    + DelayCloseAutoConfiguration.CONNECTION_FACTORY + "' (with both on) for delay-close's own use.");
        }
        return applicationFactory;
    }
}
