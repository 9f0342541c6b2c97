package io.github.delayclose.autoconfigure;

import java.time.Duration;
import java.util.UUID;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import io.github.delayclose.autoconfigure.health.DelayCloseHealthIndicator;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.test.services.TestTopology;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With classic queues, a timeout queue that cannot be consumed (its node is down) never stops the
 * listener for good. Here another connection holds the queue's name exclusively, which the broker
 * refuses the listener and its declarations just as it refuses a classic queue whose node is down.
 */
@SpringBootTest(classes = ListenerRecoveryIT.TestApplication.class, properties = {
        "delay-close.timeout=1s",
        "delay-close.queues.type=classic",
        "delay-close.sweep.enabled=false",
        "delay-close.health.refresh-interval=200ms",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
class ListenerRecoveryIT {

    private static final String PREFIX = TestTopology.uniquePrefix("recovery");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** What the issue promises once the queue is back: closes resume within seconds. */
    private static final Duration RESUME = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.rabbit().register(registry);
        TestTopology.register(registry, PREFIX);
    }

    @Autowired
    OrderTimeoutScheduler scheduler;

    @Autowired
    InMemoryOrderRepository orders;

    @Autowired
    DelayTopology topology;

    @Autowired
    DelayCloseHealthIndicator health;

    @Autowired
    @Qualifier(ListenerConfiguration.CONTAINER)
    SimpleMessageListenerContainer container;

    @Autowired
    CachingConnectionFactory connectionFactory;

    /**
     * A consumer that was restarting when the listener stopped declares the whole topology once more
     * (that is the behaviour under test), so the queues are deleted until they stay gone.
     */
    @AfterAll
    static void deleteQueues(@Autowired ApplicationContext context) {
        TestTopology.delete(context);
        String timeoutQueue = context.getBean(DelayTopology.class).timeoutQueue();
        RabbitAdmin admin = new RabbitAdmin(context.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY,
                org.springframework.amqp.rabbit.connection.ConnectionFactory.class));
        await().atMost(PATIENCE).during(Duration.ofSeconds(3)).until(() -> {
            if (admin.getQueueInfo(timeoutQueue) == null) {
                return true;
            }
            TestTopology.delete(context);
            return false;
        });
    }

    @Test
    void aListenerWhoseQueueIsUnavailableKeepsTryingIsDownMeanwhileAndClosesAgainOnceItIsBack() throws Exception {
        try (Connection holder = connectionFactory.getRabbitConnectionFactory().newConnection()) {
            holdTimeoutQueue(holder);

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.DOWN));
            // Several recovery intervals: the container is still there, trying, and still reported down.
            await().during(ListenerConfiguration.RECOVERY_INTERVAL.multipliedBy(2))
                    .atMost(ListenerConfiguration.RECOVERY_INTERVAL.multipliedBy(3))
                    .until(() -> container.isRunning() && health.health().getStatus().equals(Status.DOWN));
        }
        // The exclusive queue went with its connection; the listener declares the timeout queue again.

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(health.health().getStatus()).isEqualTo(Status.UP));
        String orderId = "l" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        orders.create(orderId);
        scheduler.schedule(orderId);
        await().atMost(RESUME).untilAsserted(() -> assertThat(orders.status(orderId)).isEqualTo(OrderStatus.CLOSED));
    }

    /**
     * Deletes the timeout queue and declares one of the same name, exclusive to {@code holder}. The
     * listener declares its queue again as soon as it is deleted, so this is tried until it wins.
     */
    private void holdTimeoutQueue(Connection holder) {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            Channel channel = holder.createChannel();
            channel.queueDelete(topology.timeoutQueue());
            channel.queueDeclare(topology.timeoutQueue(), false, true, false, null);
            channel.close();
            return true;
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(InMemorySpiConfiguration.class)
    static class TestApplication {
    }
}
