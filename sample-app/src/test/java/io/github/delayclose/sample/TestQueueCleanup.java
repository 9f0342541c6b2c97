package io.github.delayclose.sample;

import io.github.delayclose.core.topology.DelayTopology;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Deletes a test context's queues and dead-letter exchange when the context closes: after its
 * listener container stopped, before its connection factory is gone.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestQueueCleanup {

    @Bean
    DisposableBean deleteTestQueues(AmqpAdmin admin, DelayTopology topology) {
        return () -> {
            topology.declarables().getDeclarablesByType(Queue.class).forEach(queue -> admin.deleteQueue(queue.getName()));
            admin.deleteExchange(topology.deadLetterExchange());
        };
    }
}
