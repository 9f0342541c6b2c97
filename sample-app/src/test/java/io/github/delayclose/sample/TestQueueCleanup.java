package io.github.delayclose.sample;

import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.services.TestTopology;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Deletes a test context's queues and exchanges when the context closes: after its
 * listener container stopped, before its connection factory is gone.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestQueueCleanup {

    @Bean
    DisposableBean deleteTestQueues(AmqpAdmin admin, DelayTopology topology) {
        // Every queue and exchange: the delay levels add 24 exchanges beside the dead-letter one.
        return () -> TestTopology.delete(admin, topology);
    }
}
