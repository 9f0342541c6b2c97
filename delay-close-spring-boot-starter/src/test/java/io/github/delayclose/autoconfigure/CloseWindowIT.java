package io.github.delayclose.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.rabbitmq.client.ShutdownSignalException;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.test.services.TestTopology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ChannelListener;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Closes run in a window, not one per consumer thread, and a shutdown loses none of them: on the
 * real broker, with a provider that answers only when the test lets it.
 */
class CloseWindowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A provider whose queries wait until the test opens the gate. */
    static final class GatedProvider implements PaymentGateway {

        final CountDownLatch gate = new CountDownLatch(1);
        final AtomicInteger waiting = new AtomicInteger();

        @Override
        public TradeReport queryTrade(String orderId) {
            waiting.incrementAndGet();
            try {
                gate.await(60, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            waiting.decrementAndGet();
            return TradeReport.unpaid(TradeState.NOTPAY);
        }

        @Override
        public TradeCloseResult closeOrder(String orderId) {
            return TradeCloseResult.CLOSED;
        }
    }

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryStockRestorer stock = new InMemoryStockRestorer();
    private final String prefix = TestTopology.uniquePrefix("window");
    private final List<ConfigurableApplicationContext> started = new CopyOnWriteArrayList<>();
    private final List<DelayTopology> topologies = new CopyOnWriteArrayList<>();

    /** Closes what a failed test left running, then deletes every queue its applications declared. */
    @AfterEach
    void deleteQueues() {
        started.forEach(ConfigurableApplicationContext::close);
        TestTopology.deleteAfterClose(topologies);
    }

    @Test
    void twoConsumersKeepAWholeWindowOfClosesInFlight() {
        GatedProvider provider = new GatedProvider();
        try (ConfigurableApplicationContext shop = start(provider, "delay-close.listener.window=24")) {
            List<String> ids = schedule(shop, 24);

            // 24 closes wait for the provider at once, although only 2 consumers take messages.
            await().atMost(PATIENCE).until(() -> provider.waiting.get() == 24);

            provider.gate.countDown();
            await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> orders.status(id) == OrderStatus.CLOSED));
            assertThat(ids).allSatisfy(id -> assertThat(stock.restoresOf(id)).isEqualTo(1));
            assertThat(timeoutQueueDepth(shop)).as("every message acked").isZero();
        }
    }

    @Test
    void shutdownLetsTheClosesInFlightFinishAndAck() throws Exception {
        GatedProvider provider = new GatedProvider();
        ConfigurableApplicationContext shop = start(provider, "delay-close.listener.shutdown-grace=30s");
        List<String> ids = schedule(shop, 6);
        await().atMost(PATIENCE).until(() -> provider.waiting.get() == 6);

        Thread closing = new Thread(shop::close);
        closing.start();
        await().atMost(PATIENCE).until(() -> !shop.getBean(io.github.delayclose.core.listen.TimeoutListener.class).isRunning());
        provider.gate.countDown(); // the provider answers while the application is shutting down
        closing.join(PATIENCE.toMillis());

        assertThat(ids).allSatisfy(id -> {
            assertThat(orders.status(id)).isEqualTo(OrderStatus.CLOSED);
            assertThat(stock.restoresOf(id)).isEqualTo(1);
        });
        try (ConfigurableApplicationContext next = start(new GatedProvider(), "delay-close.listener.auto-startup=false")) {
            assertThat(timeoutQueueDepth(next)).as("every close acked before the channels closed").isZero();
        }
    }

    @Test
    void aCloseStillRunningAfterTheGraceIsRedeliveredAndClosedOnce() {
        GatedProvider stuck = new GatedProvider();
        ConfigurableApplicationContext first = start(stuck, "delay-close.listener.shutdown-grace=200ms");
        List<String> ids = schedule(first, 5);
        await().atMost(PATIENCE).until(() -> stuck.waiting.get() == 5);
        first.close(); // gives up on the five after 200 ms: none is acked

        GatedProvider free = new GatedProvider();
        free.gate.countDown();
        try (ConfigurableApplicationContext second = start(free)) {
            // The first instance's channels close on threads of their own (Spring AMQP may find its
            // executor shut down already): a failure there is not this test's.
            await().dontCatchUncaughtExceptions().atMost(PATIENCE)
                    .until(() -> ids.stream().allMatch(id -> orders.status(id) == OrderStatus.CLOSED));
            stuck.gate.countDown(); // the first instance's late closes change nothing more
            await().dontCatchUncaughtExceptions().atMost(PATIENCE).until(() -> stuck.waiting.get() == 0);
            assertThat(ids).allSatisfy(id -> assertThat(stock.restoresOf(id)).isEqualTo(1));
            await().dontCatchUncaughtExceptions().atMost(PATIENCE).until(() -> timeoutQueueDepth(second) == 0);
        }
    }

    @Test
    void closesInFlightWhenTheBrokerConnectionIsCutAreRedeliveredNotAckedOnAnotherChannel() {
        GatedProvider provider = new GatedProvider();
        ConfigurableApplicationContext shop = start(provider, "delay-close.listener.window=24");
        CachingConnectionFactory connections = shop.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY,
                CachingConnectionFactory.class);
        List<String> channelErrors = new CopyOnWriteArrayList<>();
        connections.addChannelListener(new ChannelListener() {
            @Override
            public void onCreate(com.rabbitmq.client.Channel channel, boolean transactional) {
            }

            @Override
            public void onShutDown(ShutdownSignalException signal) {
                channelErrors.add(String.valueOf(signal.getMessage()));
            }
        });
        List<String> ids = schedule(shop, 6);
        await().atMost(PATIENCE).until(() -> provider.waiting.get() == 6);

        connections.resetConnection(); // the broker connection is lost while six closes wait
        // The consumers come back on a new connection and get the six messages again.
        await().atMost(PATIENCE).until(() -> provider.waiting.get() == 12);
        provider.gate.countDown();

        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> orders.status(id) == OrderStatus.CLOSED));
        assertThat(ids).allSatisfy(id -> assertThat(stock.restoresOf(id)).isEqualTo(1));
        await().atMost(PATIENCE).until(() -> timeoutQueueDepth(shop) == 0);
        // A delivery tag of the lost channel, acked on a new one, would fail it with
        // PRECONDITION_FAILED "unknown delivery tag" and stop whichever consumer uses it.
        assertThat(channelErrors).noneMatch(error -> error.contains("unknown delivery tag"));
    }

    private ConfigurableApplicationContext start(PaymentGateway provider, String... properties) {
        ConfigurableApplicationContext shop = new SpringApplicationBuilder(Shop.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> {
                    context.getBeanFactory().registerSingleton("orders", orders);
                    context.getBeanFactory().registerSingleton("stock", stock);
                    context.getBeanFactory().registerSingleton("provider", provider);
                })
                .properties(TestServices.rabbit().propertyValues())
                .properties(TestServices.mariaDb("delay_close_starter").propertyValues())
                .properties("delay-close.timeout=200ms", "delay-close.sweep.enabled=false",
                        "delay-close.queues.delay=" + prefix + ".delay", "delay-close.queues.dead-letter-exchange=" + prefix + ".dlx",
                        "delay-close.queues.timeout=" + prefix + ".timeout", "delay-close.queues.parking=" + prefix + ".parking")
                .properties(properties)
                .run();
        started.add(shop);
        topologies.add(shop.getBean(DelayTopology.class));
        return shop;
    }

    private List<String> schedule(ConfigurableApplicationContext shop, int count) {
        OrderTimeoutScheduler scheduler = shop.getBean(OrderTimeoutScheduler.class);
        return IntStream.range(0, count).mapToObj(i -> {
            String id = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            orders.create(id);
            scheduler.schedule(id);
            return id;
        }).toList();
    }

    private static long timeoutQueueDepth(ConfigurableApplicationContext shop) {
        RabbitAdmin admin = new RabbitAdmin(shop.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY,
                org.springframework.amqp.rabbit.connection.ConnectionFactory.class));
        return admin.getQueueInfo(shop.getBean(DelayTopology.class).timeoutQueue())
                .getMessageCount();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Shop {
    }
}
