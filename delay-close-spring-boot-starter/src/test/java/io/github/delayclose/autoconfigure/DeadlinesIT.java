package io.github.delayclose.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.doubles.InMemoryCloseAttemptStore;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.test.services.TestTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Per-order deadlines on the real broker, through the binary delay levels: mixed deadlines close at
 * their own time whatever the others wait for, a deadline moved later or earlier wins over the old
 * message, messages waiting in the levels survive a restart, and orders still waiting in the
 * tutorial's fixed delay queue close after a switch to the levels.
 */
class DeadlinesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(40);

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryPaymentGateway gateway = new InMemoryPaymentGateway();
    private final ClosingTimes closed = new ClosingTimes();
    private final InMemoryCloseAttemptStore attempts = new InMemoryCloseAttemptStore();
    private final String prefix = TestTopology.uniquePrefix("deadlines");
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private final List<DelayTopology> topologies = new ArrayList<>();

    /** Records when each order's stock came back, i.e. when it was closed. */
    static final class ClosingTimes implements StockRestorer {

        final Map<String, Instant> at = new ConcurrentHashMap<>();

        @Override
        public void restore(String orderId) {
            if (at.putIfAbsent(orderId, Instant.now()) != null) {
                throw new AssertionError("stock of " + orderId + " restored twice");
            }
        }
    }

    /**
     * Closing a context while the next one starts lets Spring AMQP's channel-close threads of the first
     * fail on their own executor; that is not what these tests look at.
     */
    @org.junit.jupiter.api.BeforeAll
    static void ignoreOtherThreadsFailures() {
        org.awaitility.Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreAwaitility() {
        org.awaitility.Awaitility.reset();
    }

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
        // The tutorial's fixed queue is not part of the levels layout's topology, which a test switches to.
        TestTopology.deleteAfterClose(topologies, prefix + ".delay");
    }

    @Test
    void mixedDeadlinesCloseEachAtItsOwnTimeNoMatterWhatOthersWaitFor() {
        ConfigurableApplicationContext shop = start();
        OrderTimeoutScheduler scheduler = shop.getBean(OrderTimeoutScheduler.class);
        Map<String, Instant> deadlines = new ConcurrentHashMap<>();
        // A long wait scheduled first must not hold up the short ones behind it (a single queue with
        // per-message TTLs would: it expires only at its head).
        String longOne = newOrder();
        scheduler.schedule(longOne, Duration.ofMinutes(10));
        for (long millis : new long[] { 4700, 1200, 3300, 2100, 900, 2600, 1750, 4100 }) {
            String id = newOrder();
            Instant deadline = Instant.now().plusMillis(millis);
            scheduler.schedule(id, deadline);
            deadlines.put(id, deadline);
        }

        await().atMost(PATIENCE).until(() -> closed.at.keySet().containsAll(deadlines.keySet()));
        deadlines.forEach((id, deadline) -> assertThat(Duration.between(deadline, closed.at.get(id)))
                .as("order %s closes at its deadline, never before, and less than a second after", id)
                .isBetween(Duration.ofMillis(-100), Duration.ofSeconds(1)));
        assertThat(orders.status(longOne)).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void aDeadlineMovedLaterKeepsTheOrderOpenUntilTheNewDeadline() {
        ConfigurableApplicationContext shop = start();
        OrderTimeoutScheduler scheduler = shop.getBean(OrderTimeoutScheduler.class);
        String id = newOrder();
        scheduler.schedule(id, Duration.ofSeconds(1));
        Instant extended = Instant.now().plusSeconds(4);
        assertThat(scheduler.reschedule(id, extended)).isTrue();

        // The old message arrives after about a second and is sent on for the time left, then the new one closes.
        await().atMost(PATIENCE).until(() -> closed.at.containsKey(id));
        assertThat(closed.at.get(id)).isAfterOrEqualTo(extended.minusMillis(100));
        assertThat(notYetDue(shop)).isGreaterThanOrEqualTo(1);
        assertThat(gateway.queriesFor(id)).as("asked once, when due").isEqualTo(1);
    }

    @Test
    void aDeadlineMovedEarlierClosesAtTheNewDeadlineAndTheOldMessageChangesNothing() {
        ConfigurableApplicationContext shop = start();
        OrderTimeoutScheduler scheduler = shop.getBean(OrderTimeoutScheduler.class);
        String id = newOrder();
        scheduler.schedule(id, Duration.ofSeconds(5));
        Instant shortened = Instant.now().plusSeconds(1);
        assertThat(scheduler.reschedule(id, shortened)).isTrue();

        await().atMost(PATIENCE).until(() -> closed.at.containsKey(id));
        assertThat(closed.at.get(id)).isBefore(shortened.plusSeconds(2));
        // The old message comes at five seconds and finds the order closed.
        await().atMost(PATIENCE).until(() -> alreadyFinal(shop) >= 1);
        assertThat(gateway.queriesFor(id)).isEqualTo(1);
    }

    @Test
    void aDeadlineCannotBeMovedOnceTheOrderIsClosedOrPaid() {
        ConfigurableApplicationContext shop = start();
        OrderTimeoutScheduler scheduler = shop.getBean(OrderTimeoutScheduler.class);
        String paid = newOrder();
        orders.markPaid(paid, new Payment("tx-" + paid, Instant.now()));

        assertThat(scheduler.reschedule(paid, Instant.now().plusSeconds(60))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> scheduler.schedule("not an id!", Duration.ofSeconds(5)))
                .withMessageContaining("order id");
    }

    @Test
    void messagesWaitingInTheLevelsSurviveARestart() {
        ConfigurableApplicationContext first = start();
        OrderTimeoutScheduler scheduler = first.getBean(OrderTimeoutScheduler.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = newOrder();
            scheduler.schedule(id, Duration.ofSeconds(3 + i));
            ids.add(id);
        }
        await().atMost(PATIENCE).until(() -> waitingInLevels(first) >= 5);
        first.close();

        start(); // the next instance finds them in the levels and closes each once, on time
        await().atMost(PATIENCE).until(() -> closed.at.keySet().containsAll(ids));
        assertThat(ids).allSatisfy(id -> assertThat(orders.status(id)).isEqualTo(OrderStatus.CLOSED));
    }

    @Test
    void ordersWaitingInTheTutorialsFixedQueueCloseAfterTheSwitchToTheLevels() {
        ConfigurableApplicationContext tutorial = start("delay-close.queues.layout=fixed", "delay-close.timeout=3s");
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = newOrder();
            tutorial.getBean(OrderTimeoutScheduler.class).schedule(id);
            waiting.add(id);
        }
        DelayTopology fixed = tutorial.getBean(DelayTopology.class);
        await().atMost(PATIENCE).until(() -> depth(tutorial, fixed.delayQueue()) == 4);
        tutorial.close();

        // Deployed with the levels: the fixed queue is left as it is, and still dead-letters into the
        // same exchange, so the orders waiting there close on their old schedule with nothing lost.
        ConfigurableApplicationContext levels = start("delay-close.queues.layout=levels", "delay-close.timeout=3s");
        String fresh = newOrder();
        levels.getBean(OrderTimeoutScheduler.class).schedule(fresh);

        await().atMost(PATIENCE).until(() -> closed.at.keySet().containsAll(waiting) && closed.at.containsKey(fresh));
        assertThat(depth(levels, fixed.delayQueue())).as("drained; safe to delete by hand").isZero();
        new RabbitAdmin(connectionFactory(levels)).deleteQueue(fixed.delayQueue());
    }

    private String newOrder() {
        String id = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        orders.create(id);
        return id;
    }

    private double notYetDue(ConfigurableApplicationContext shop) {
        return shop.getBean(MeterRegistry.class).counter("delay.close.outcomes", "result", TimeoutOutcome.NOT_YET_DUE.name())
                .count();
    }

    private double alreadyFinal(ConfigurableApplicationContext shop) {
        return shop.getBean(MeterRegistry.class)
                .counter("delay.close.outcomes", "result", TimeoutOutcome.ALREADY_FINAL.name()).count();
    }

    private long waitingInLevels(ConfigurableApplicationContext shop) {
        DelayTopology topology = shop.getBean(DelayTopology.class);
        RabbitAdmin admin = new RabbitAdmin(connectionFactory(shop));
        return topology.waitingQueues().stream().mapToLong(queue -> {
            var info = admin.getQueueInfo(queue);
            return info == null ? 0 : info.getMessageCount();
        }).sum();
    }

    private static long depth(ConfigurableApplicationContext shop, String queue) {
        var info = new RabbitAdmin(connectionFactory(shop)).getQueueInfo(queue);
        return info == null ? -1 : info.getMessageCount();
    }

    private static ConnectionFactory connectionFactory(ConfigurableApplicationContext shop) {
        return shop.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY, ConnectionFactory.class);
    }

    private ConfigurableApplicationContext start(String... properties) {
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
                .properties("delay-close.timeout=30s", "delay-close.sweep.enabled=false",
                        "delay-close.queues.delay=" + prefix + ".delay",
                        "delay-close.queues.dead-letter-exchange=" + prefix + ".dlx",
                        "delay-close.queues.timeout=" + prefix + ".timeout",
                        "delay-close.queues.parking=" + prefix + ".parking")
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
