package io.github.delayclose.test.services;

import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Queue names of their own for each test class, so that test runs never share or inherit messages
 * on the shared broker, and their removal afterwards.
 */
public final class TestTopology {

    private TestTopology() {
    }

    /** A prefix such as {@code it.flow.1a2b3c4d}. */
    public static String uniquePrefix(String testName) {
        return "it." + testName + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Points every {@code delay-close.queues.*} name at the prefix. */
    public static void register(DynamicPropertyRegistry registry, String prefix) {
        registry.add("delay-close.queues.delay", () -> prefix + ".delay");
        registry.add("delay-close.queues.dead-letter-exchange", () -> prefix + ".dlx");
        registry.add("delay-close.queues.timeout", () -> prefix + ".timeout");
        registry.add("delay-close.queues.parking", () -> prefix + ".parking");
    }

    /**
     * Stops the context's listener first (it would declare a deleted timeout queue again), then
     * deletes the topology's queues and exchange on delay-close's own connection.
     */
    public static void delete(ApplicationContext context) {
        if (context.containsBean("delayCloseListenerContainer")) {
            context.getBean("delayCloseListenerContainer", Lifecycle.class).stop();
        }
        ConnectionFactory connectionFactory = context.getBean("delayCloseConnectionFactory", ConnectionFactory.class);
        delete(new RabbitAdmin(connectionFactory), context.getBean(DelayTopology.class));
    }

    /**
     * Deletes the topologies' queues and exchanges, and any extra queues, on a connection of its own:
     * for tests whose applications are closed (or failed to start) by the time they clean up. Call it
     * from {@code @AfterEach} so a failed test leaves nothing behind on the shared broker either.
     */
    public static void deleteAfterClose(Collection<DelayTopology> topologies, String... extraQueues) {
        RabbitEndpoint rabbit = TestServices.rabbit();
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        connectionFactory.setUsername(rabbit.username());
        connectionFactory.setPassword(rabbit.password());
        try {
            RabbitAdmin admin = new RabbitAdmin(connectionFactory);
            topologies.forEach(topology -> delete(admin, topology));
            Arrays.stream(extraQueues).forEach(admin::deleteQueue);
        }
        finally {
            connectionFactory.destroy();
        }
    }

    /** Deletes the topology's queues and exchange. */
    public static void delete(AmqpAdmin admin, DelayTopology topology) {
        topology.declarables().getDeclarablesByType(Queue.class).forEach(queue -> admin.deleteQueue(queue.getName()));
        topology.declarables().getDeclarablesByType(Exchange.class)
                .forEach(exchange -> admin.deleteExchange(exchange.getName()));
    }
}
