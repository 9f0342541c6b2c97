package io.github.delayclose.autoconfigure;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;

/**
 * Tells whether the application's connection factory is the one Spring Boot built from
 * {@code spring.rabbitmq.*}: only then do those properties describe the broker it talks to.
 */
final class BootsConnectionFactory {

    private static final String BOOT_RABBIT_PACKAGE = "org.springframework.boot.amqp.autoconfigure.";

    private BootsConnectionFactory() {
    }

    static boolean isBuiltByBoot(ConfigurableListableBeanFactory beanFactory) {
        for (String name : beanFactory.getBeanNamesForType(ConnectionFactory.class, true, false)) {
            if (name.equals(DelayCloseAutoConfiguration.CONNECTION_FACTORY) || !beanFactory.containsBeanDefinition(name)) {
                continue;
            }
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (definition instanceof org.springframework.beans.factory.support.AbstractBeanDefinition abstractDefinition
                    && !abstractDefinition.isDefaultCandidate()) {
                continue; // another library's own factory, like delay-close's
            }
            MethodMetadata factoryMethod = definition instanceof AnnotatedBeanDefinition annotated
                    ? annotated.getFactoryMethodMetadata() : null;
            return factoryMethod != null && factoryMethod.getDeclaringClassName().startsWith(BOOT_RABBIT_PACKAGE);
        }
        return false;
    }
}
