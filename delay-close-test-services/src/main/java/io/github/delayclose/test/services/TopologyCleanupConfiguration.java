package io.github.delayclose.test.services;

import org.springframework.amqp.AmqpException;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Deletes a test context's queues and exchange when the context closes, while its connection is
 * still open, so runs leave nothing on the shared broker. A context that failed to start is never
 * closed this way, and declared nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TopologyCleanupConfiguration {

    @Bean
    public ApplicationListener<ContextClosedEvent> deleteTestTopology() {
        return event -> {
            if (!event.getApplicationContext().containsBean("delayCloseTopologyDeclarer")) {
                return; // delay-close is off in this test
            }
            try {
                TestTopology.delete(event.getApplicationContext());
            }
            catch (AmqpException ex) {
                // No broker in this test: nothing was declared.
            }
        };
    }
}
