package io.github.delayclose.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.core.topology.QueueType;
import io.github.delayclose.test.doubles.InMemoryCloseAttemptStore;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.test.services.TestTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A shop on the tutorial's classic queues moving to quorum queues, as the README's "Changing queue
 * type or names" says: deploy with new names for every queue and the exchange. Orders still waiting
 * in the old classic delay queue expire into the old timeout queue, which nothing consumes any more;
 * the new deployment's sweep finds them overdue and closes each exactly once. Nothing pending is lost.
 */
class QueueTypeMigrationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryPaymentGateway gateway = new InMemoryPaymentGateway();
    private final InMemoryCloseAttemptStore attempts = new InMemoryCloseAttemptStore();
    private final ClosedOnce closed = new ClosedOnce();
    private final String oldNames = TestTopology.uniquePrefix("migrate-classic");
    private final String newNames = TestTopology.uniquePrefix("migrate-quorum");
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private final List<DelayTopology> topologies = new ArrayList<>();

    /** Fails the test if any order's stock comes back twice. */
    static final class ClosedOnce implements StockRestorer {

        final Map<String, Instant> at = new ConcurrentHashMap<>();

        @Override
        public void restore(String orderId) {
            if (at.putIfAbsent(orderId, Instant.now()) != null) {
                throw new AssertionError("stock of " + orderId + " restored twice");
            }
        }
    }

    /** The old deployment's channel threads may fail on their own executor while it closes. */
    @BeforeAll
    static void ignoreOtherThreadsFailures() {
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @AfterAll
    static void restoreAwaitility() {
        Awaitility.reset();
    }

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
        TestTopology.deleteAfterClose(topologies);
    }

    @Test
    void ordersWaitingInTheTutorialsClassicQueuesCloseOnceAfterTheMoveToQuorumQueues() {
        ConfigurableApplicationContext tutorial = start(oldNames, "delay-close.queues.type=classic",
                "delay-close.queues.layout=fixed", "delay-close.timeout=3s", "delay-close.sweep.enabled=false");
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = newOrder();
            tutorial.getBean(OrderTimeoutScheduler.class).schedule(id);
            waiting.add(id);
        }
        DelayTopology classic = tutorial.getBean(DelayTopology.class);
        await().atMost(PATIENCE).until(() -> depth(tutorial, classic.delayQueue()) == 3);
        tutorial.close();

        // Deployed with quorum queues (the default) under new names, and the sweep on (the default)
        // with a short interval and grace so the test need not wait minutes.
        ConfigurableApplicationContext quorum = start(newNames, "delay-close.timeout=3s",
                "delay-close.sweep.interval=1s", "delay-close.sweep.grace=1s");
        assertThat(quorum.getBean(DelayTopology.class).queueType()).isEqualTo(QueueType.QUORUM);
        String fresh = newOrder();
        quorum.getBean(OrderTimeoutScheduler.class).schedule(fresh);

        await().atMost(PATIENCE).until(() -> closed.at.keySet().containsAll(waiting) && closed.at.containsKey(fresh));
        assertThat(waiting).allSatisfy(id -> assertThat(orders.status(id)).isEqualTo(OrderStatus.CLOSED));
        // Their old copies ended in the old timeout queue, which nothing reads: safe to delete.
        assertThat(depth(quorum, classic.timeoutQueue())).isEqualTo(3);
    }

    private String newOrder() {
        String id = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        orders.create(id);
        return id;
    }

    private static long depth(ConfigurableApplicationContext shop, String queue) {
        var info = new RabbitAdmin(shop.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY, ConnectionFactory.class))
                .getQueueInfo(queue);
        return info == null ? -1 : info.getMessageCount();
    }

    private ConfigurableApplicationContext start(String names, String... properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Shop.class)
                .web(WebApplicationType.NONE)
                .initializers(shop -> {
                    shop.getBeanFactory().registerSingleton("orders", orders);
                    shop.getBeanFactory().registerSingleton("gateway", gateway);
                    shop.getBeanFactory().registerSingleton("stock", closed);
                    shop.getBeanFactory().registerSingleton("attempts", attempts);
                    shop.getBeanFactory().registerSingleton("meters", new SimpleMeterRegistry());
                })
                .properties(TestServices.rabbit().propertyValues())
                .properties("spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
                .properties("delay-close.queues.delay=" + names + ".delay",
                        "delay-close.queues.dead-letter-exchange=" + names + ".dlx",
                        "delay-close.queues.timeout=" + names + ".timeout",
                        "delay-close.queues.parking=" + names + ".parking")
                .properties(properties)
                .run();
        started.add(context);
        topologies.add(context.getBean(DelayTopology.class));
        return context;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Shop {
    }
}
