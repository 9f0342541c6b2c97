package io.github.delayclose.sample;

import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;

/**
 * RabbitMQ and MySQL in containers, as {@code compose.yaml} describes them; {@code @ServiceConnection}
 * points {@code spring.rabbitmq.*} and {@code spring.datasource.*} at them. Spring starts them before
 * the beans that use them and stops them with the application.
 */
@TestConfiguration(proxyBeanMethods = false)
class DemoContainers {

    @Bean
    @ServiceConnection
    RabbitMQContainer rabbitMq() {
        return new RabbitMQContainer(DockerImageName.parse("rabbitmq:3.13-management"));
    }

    @Bean
    @ServiceConnection
    MySQLContainer mySql() {
        return new MySQLContainer(DockerImageName.parse("mysql:8.4")).withDatabaseName("delay_close_demo");
    }
}
