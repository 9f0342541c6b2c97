package io.github.delayclose.autoconfigure;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** delay-close's own connection to the application's broker. */
@Configuration(proxyBeanMethods = false)
class ConnectionConfiguration {

    /**
     * Not a default injection candidate, so the application's own {@code ConnectionFactory}
     * injection points keep seeing only the application's factory.
     */
    @Bean(name = DelayCloseAutoConfiguration.CONNECTION_FACTORY, defaultCandidate = false)
    @ConditionalOnMissingBean(name = DelayCloseAutoConfiguration.CONNECTION_FACTORY)
    ConnectionFactory delayCloseConnectionFactory(ConnectionFactory applicationFactory,
            ObjectProvider<RabbitConnectionDetails> connectionDetails,
            ObjectProvider<CachingConnectionFactoryConfigurer> configurer) {
        return DelayCloseConnectionFactories.forBrokerOf(applicationFactory, connectionDetails.getIfAvailable(),
                configurer.getIfAvailable());
    }
}
