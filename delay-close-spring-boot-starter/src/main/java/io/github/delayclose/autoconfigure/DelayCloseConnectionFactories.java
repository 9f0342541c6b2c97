package io.github.delayclose.autoconfigure;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;

/**
 * Builds delay-close's own connection factory: the same broker, credentials and settings as the
 * application's ({@code spring.rabbitmq.*}), but always with correlated publisher confirms and
 * returns, which delay-close needs so that no order's timeout is lost. A separate connection
 * keeps those settings from changing how the application's own RabbitTemplate behaves.
 */
final class DelayCloseConnectionFactories {

    private DelayCloseConnectionFactories() {
    }

    static CachingConnectionFactory confirming(RabbitConnectionFactoryBeanConfigurer beanConfigurer,
            CachingConnectionFactoryConfigurer cachingConfigurer) throws Exception {
        RabbitConnectionFactoryBean rabbitFactoryBean = new RabbitConnectionFactoryBean();
        beanConfigurer.configure(rabbitFactoryBean);
        rabbitFactoryBean.afterPropertiesSet();
        CachingConnectionFactory factory = new CachingConnectionFactory(rabbitFactoryBean.getObject());
        cachingConfigurer.configure(factory);
        factory.setPublisherConfirmType(ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        factory.setConnectionNameStrategy(connectionFactory -> "delay-close");
        return factory;
    }

    /** When the application built its own connection factory, use it if it can confirm. */
    static ConnectionFactory requireConfirming(ConnectionFactory applicationFactory) {
        if (!applicationFactory.isPublisherConfirms() || !applicationFactory.isPublisherReturns()) {
            throw new IllegalStateException("delay-close needs publisher confirms and returns so that no order's "
                    + "timeout is lost, but the application's ConnectionFactory has them off. Enable correlated "
                    + "publisher confirms and publisher returns on it, or define a bean named "
                    + "'delayCloseConnectionFactory' for delay-close's own use.");
        }
        return applicationFactory;
    }
}
