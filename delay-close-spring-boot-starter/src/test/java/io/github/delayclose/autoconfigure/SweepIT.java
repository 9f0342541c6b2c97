package io.github.delayclose.autoconfigure;

import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.failure;
import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.AttemptState;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.ParkedSummary;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.doubles.InMemoryCloseAttemptStore;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.test.services.TestTopology;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The safety net and watchdog on the real broker, with close-attempt state: lost messages are sent
 * again once, an order the provider keeps failing is parked exactly once and stays parked over a
 * restart, an order whose payer keeps paying is never swept while it re-checks, and orders stuck
 * behind dead-lettering that does not move are closed on time while their stuck copies are dropped.
 */
class SweepIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();
    private final InMemoryPaymentGateway gateway = new InMemoryPaymentGateway();
    private final InMemoryStockRestorer stock = new InMemoryStockRestorer();
    private final InMemoryCloseAttemptStore attempts = new InMemoryCloseAttemptStore();
    private final String prefix = TestTopology.uniquePrefix("sweep");
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

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

    private final List<DelayTopology> topologies = new ArrayList<>();
    private PaymentGateway provider = gateway;
    private CloseAttemptStore attemptStore = attempts;

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
        TestTopology.deleteAfterClose(topologies);
    }

    @Test
    void theTailOfADrainLongerThanTheGraceIsLateNotLost() {
        GatedGateway gated = new GatedGateway(gateway);
        provider = gated;
        // Two closes at a time, the sweep's grace 1 s: four orders due together take longer than that.
        ConfigurableApplicationContext shop = start("delay-close.listener.window=2", "delay-close.sweep.interval=1h",
                "delay-close.timeout=200ms");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = newId("tail");
            orders.create(id);
            shop.getBean(OrderTimeoutScheduler.class).schedule(id);
            ids.add(id);
        }
        await().atMost(PATIENCE).until(() -> gated.waiting.get() == 2); // two in flight, two in the queue
        Instant due = Instant.now();
        await().atMost(Duration.ofSeconds(3)).until(() -> Instant.now().isAfter(due.plusMillis(1500)));

        var round = shop.getBean(OverdueOrderSweeper.class).sweep();

        assertThat(Duration.between(due, round.at())).as("past the grace").isGreaterThan(Duration.ofSeconds(1));
        assertThat(round.lost()).as("orders behind the ones in flight are late, not lost").isZero();
        gated.open.countDown();
        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> orders.status(id) == OrderStatus.CLOSED));
        assertThat(ids).allSatisfy(id -> {
            assertThat(gateway.queriesFor(id)).as("one copy each").isEqualTo(1);
            assertThat(stock.restoresOf(id)).isEqualTo(1);
        });
    }

    /** Holds every provider call until {@link #open} is counted down. */
    static final class GatedGateway implements PaymentGateway {

        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger waiting = new AtomicInteger();
        private final PaymentGateway provider;

        GatedGateway(PaymentGateway provider) {
            this.provider = provider;
        }

        @Override
        public TradeReport queryTrade(String orderId) {
            waiting.incrementAndGet();
            try {
                if (!open.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new PaymentGatewayException("gate never opened");
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new PaymentGatewayException("interrupted");
            }
            finally {
                waiting.decrementAndGet();
            }
            return provider.queryTrade(orderId);
        }

        @Override
        public TradeCloseResult closeOrder(String orderId) {
            return provider.closeOrder(orderId);
        }
    }

    @Test
    void aRetryOfAnOldOrderInFlightDoesNotHoldBackTheSweepOfAnOrderLostSince() {
        String old = newId("old");
        SecondQueryGate gated = new SecondQueryGate(gateway, old);
        provider = gated;
        // The old order's first attempt fails; its retry comes back 7 s after its deadline and waits on the provider.
        ConfigurableApplicationContext shop = start("delay-close.sweep.interval=1h", "delay-close.timeout=200ms",
                "delay-close.retry.initial-interval=7s");
        orders.create(old);
        Instant deadline = Instant.now().plusMillis(200);
        shop.getBean(OrderTimeoutScheduler.class).schedule(old);
        await().atMost(PATIENCE).until(() -> gated.waiting.get() == 1);
        // Due a second after the old one, well over the grace ago, and its message never arrived.
        String lost = newId("lost");
        orders.createDueAt(lost, deadline.plusSeconds(1));

        var round = shop.getBean(OverdueOrderSweeper.class).sweep();
        gated.open.countDown();

        assertThat(round.lost()).as("the retry in flight became due long after the lost order").isEqualTo(1);
        await().atMost(PATIENCE).until(() -> orders.status(lost) == OrderStatus.CLOSED
                && orders.status(old) == OrderStatus.CLOSED);
    }

    /** Fails the first query about one order and holds the second until {@link #open} is counted down. */
    static final class SecondQueryGate implements PaymentGateway {

        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger waiting = new AtomicInteger();
        private final AtomicInteger queries = new AtomicInteger();
        private final PaymentGateway provider;
        private final String gatedOrder;

        SecondQueryGate(PaymentGateway provider, String gatedOrder) {
            this.provider = provider;
            this.gatedOrder = gatedOrder;
        }

        @Override
        public TradeReport queryTrade(String orderId) {
            int query = orderId.equals(gatedOrder) ? queries.incrementAndGet() : 0;
            if (query == 1) {
                throw new PaymentGatewayException("SYSTEMERROR");
            }
            if (query == 2) {
                waiting.incrementAndGet();
                try {
                    if (!open.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new PaymentGatewayException("gate never opened");
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new PaymentGatewayException("interrupted");
                }
                finally {
                    waiting.decrementAndGet();
                }
            }
            return provider.queryTrade(orderId);
        }

        @Override
        public TradeCloseResult closeOrder(String orderId) {
            return provider.closeOrder(orderId);
        }
    }

    @Test
    @Disabled("Known issue: when recording a retry's close-attempt state fails (a database blip), the listener "
            + "rejects the message and the timeout queue dead-letters a copy to parking, although the order was "
            + "not given up on: the sweep or the watchdog closes it after the grace, and the copy stays in parking")
    void aDatabaseBlipWhileARetryIsRecordedLeavesNoCopyInParking() {
        String id = newId("blip");
        FirstInsertFails store = new FirstInsertFails(attempts);
        attemptStore = store;
        ConfigurableApplicationContext shop = start();
        gateway.answerQueries(id, failure("SYSTEMERROR"), state(TradeState.NOTPAY));
        orders.create(id);
        shop.getBean(OrderTimeoutScheduler.class).schedule(id);

        await().atMost(PATIENCE).until(() -> orders.status(id) == OrderStatus.CLOSED);
        assertThat(store.failed.get()).as("the retry's state could not be recorded once").isEqualTo(1);
        assertThat(stock.restoresOf(id)).isEqualTo(1);
        assertThat(parkedCopies(shop)).as("nothing was given up on").isZero();
    }

    /** Close-attempt state whose first insert fails as a database connection cut mid-statement does. */
    static final class FirstInsertFails implements CloseAttemptStore {

        final AtomicInteger failed = new AtomicInteger();
        private final CloseAttemptStore store;

        FirstInsertFails(CloseAttemptStore store) {
            this.store = store;
        }

        @Override
        public boolean insert(CloseAttempt attempt) {
            if (failed.compareAndSet(0, 1)) {
                throw new DataAccessResourceFailureException("Socket error");
            }
            return store.insert(attempt);
        }

        @Override
        public Optional<CloseAttempt> find(String orderId) {
            return store.find(orderId);
        }

        @Override
        public Map<String, CloseAttempt> findAll(Collection<String> orderIds) {
            return store.findAll(orderIds);
        }

        @Override
        public boolean replace(CloseAttempt current, CloseAttempt next) {
            return store.replace(current, next);
        }

        @Override
        public void delete(String orderId) {
            store.delete(orderId);
        }

        @Override
        public List<CloseAttempt> findWaitingDueBefore(Instant dueBefore, int limit) {
            return store.findWaitingDueBefore(dueBefore, limit);
        }

        @Override
        public List<CloseAttempt> findParked(@Nullable String reason, @Nullable String afterOrderId, int limit) {
            return store.findParked(reason, afterOrderId, limit);
        }

        @Override
        public ParkedSummary summarizeParked() {
            return store.summarizeParked();
        }
    }

    @Test
    void lostMessagesAreSentAgainOnceInPagesAndClosed() {
        ConfigurableApplicationContext shop = start("delay-close.sweep.interval=1h", "delay-close.sweep.batch-size=2");
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = newId("lost");
            orders.createDueAt(id, Instant.now().minus(Duration.ofMinutes(10))); // scheduled, but its message never arrived
            lost.add(id);
        }
        String notYetDue = newId("fresh");
        orders.createDueAt(notYetDue, Instant.now().plus(Duration.ofHours(1)));
        OverdueOrderSweeper sweeper = shop.getBean(OverdueOrderSweeper.class);

        assertThat(sweeper.sweep().lost()).isEqualTo(5);

        await().atMost(PATIENCE).until(() -> lost.stream().allMatch(id -> orders.status(id) == OrderStatus.CLOSED));
        assertThat(lost).allSatisfy(id -> assertThat(stock.restoresOf(id)).isEqualTo(1));
        assertThat(gateway.queriesFor(notYetDue)).isZero();
        assertThat(sweeper.sweep().lost()).as("a second round finds nothing new").isZero();
    }

    @Test
    void aProviderThatAlwaysFailsParksTheOrderExactlyOnceWhileTheSweepRunsEverySecond() {
        ConfigurableApplicationContext shop = start();
        String id = newId("failing");
        gateway.answerQueries(id, failure("SYSTEMERROR"));
        orders.create(id);
        shop.getBean(OrderTimeoutScheduler.class).schedule(id);

        await().atMost(PATIENCE).until(() -> parked(id));
        // The sweep keeps running every 300 ms; the order stays parked once, and nothing asks again.
        long queries = gateway.queriesFor(id);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> parkedCopies(shop) == 1 && gateway.queriesFor(id) == queries);
        assertThat(queries).as("one query per attempt").isEqualTo(3);
        assertThat(orders.status(id)).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void aRestartKeepsAParkedOrderParkedOnce() {
        ConfigurableApplicationContext first = start();
        String id = newId("parked");
        gateway.answerQueries(id, failure("SYSTEMERROR"));
        orders.create(id);
        first.getBean(OrderTimeoutScheduler.class).schedule(id);
        await().atMost(PATIENCE).until(() -> parked(id));
        first.close();

        // A new instance looks back an hour in its first round, over the parked order. (The first
        // instance's channels close on threads of their own: a failure there is not this test's.)
        ConfigurableApplicationContext second = start();
        OverdueOrderSweeper sweeper = second.getBean(OverdueOrderSweeper.class);
        await().atMost(PATIENCE).until(() -> sweeper.lastRound() != null);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> parkedCopies(second) == 1 && gateway.queriesFor(id) == 3);
        assertThat(attempts.find(id)).get().extracting(record -> record.state()).isEqualTo(AttemptState.PARKED);
    }

    @Test
    void aPayerWhoKeepsPayingIsRecheckedWithoutEverBeingSweptAgain() {
        // A grace of 3 s rather than 1 s: on a loaded machine one re-check may arrive a second late, and
        // the watchdog would then rightly re-drive it; the point here is the copy that keeps coming.
        ConfigurableApplicationContext shop = start("delay-close.recheck.interval=300ms",
                "delay-close.recheck.max-rechecks=1000", "delay-close.sweep.grace=3s");
        String id = newId("paying");
        gateway.answerQueries(id, state(TradeState.USERPAYING));
        orders.create(id);
        shop.getBean(OrderTimeoutScheduler.class).schedule(id);

        // Well past its deadline plus the sweep's grace (1 s + 3 s; 20 re-checks take at least 6 s),
        // the order is still re-checked by its one copy.
        await().atMost(PATIENCE).until(() -> gateway.queriesFor(id) >= 20);
        assertThat(attempts.find(id)).get().satisfies(record -> {
            assertThat(record.epoch()).as("never re-sent by the sweep").isZero();
            assertThat(record.state()).isEqualTo(AttemptState.WAITING);
        });
        assertThat(shop.getBean(OverdueOrderSweeper.class).lastRound().lost()).isZero();

        gateway.answerQueries(id, state(TradeState.SUCCESS));
        await().atMost(PATIENCE).until(() -> orders.status(id) == OrderStatus.PAID);
        await().atMost(PATIENCE).until(() -> attempts.find(id).isEmpty());
    }

    @Test
    void ordersStuckBehindDeadLetteringThatDoesNotMoveAreClosedOnTimeAndTheirStuckCopiesDropped() {
        ConfigurableApplicationContext shop = start("delay-close.queues.type=quorum", "delay-close.timeout=2s",
                "delay-close.sweep.grace=2s");
        DelayTopology topology = shop.getBean(DelayTopology.class);
        RabbitAdmin admin = new RabbitAdmin(shop.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY,
                ConnectionFactory.class));
        Binding route = BindingBuilder.bind(new Queue(topology.timeoutQueue()))
                .to(new FanoutExchange(topology.deadLetterExchange()));
        // Expired messages find no route: at-least-once dead-lettering keeps them in their delay level.
        admin.removeBinding(route);
        List<String> ids = new ArrayList<>();
        OrderTimeoutScheduler scheduler = shop.getBean(OrderTimeoutScheduler.class);
        for (int i = 0; i < 4; i++) {
            String id = newId("stuck");
            orders.create(id);
            scheduler.schedule(id);
            ids.add(id);
        }
        Instant scheduled = Instant.now();

        await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> orders.status(id) == OrderStatus.CLOSED));
        assertThat(Duration.between(scheduled, Instant.now()))
                .as("closed within deadline + grace + a round or two, not when the broker gets unstuck")
                .isLessThan(Duration.ofSeconds(12));

        admin.declareBinding(route); // the stuck copies flow again, and find their orders closed
        await().atMost(PATIENCE).until(() -> admin.getQueueInfo(topology.levels().queue(3)).getMessageCount() == 0
                && admin.getQueueInfo(topology.timeoutQueue()).getMessageCount() == 0);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> ids.stream().allMatch(id -> gateway.queriesFor(id) == 1));
        assertThat(ids).allSatisfy(id -> {
            assertThat(stock.restoresOf(id)).isEqualTo(1);
            assertThat(attempts.find(id)).isEmpty();
        });
        assertThat(parkedCopies(shop)).isZero();
    }

    private boolean parked(String id) {
        return attempts.find(id).map(record -> record.state() == AttemptState.PARKED).orElse(false);
    }

    private long parkedCopies(ConfigurableApplicationContext shop) {
        RabbitAdmin admin = new RabbitAdmin(shop.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY,
                ConnectionFactory.class));
        return admin.getQueueInfo(shop.getBean(DelayTopology.class).parkingQueue()).getMessageCount();
    }

    private ConfigurableApplicationContext start(String... properties) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Shop.class)
                .web(WebApplicationType.NONE)
                .initializers(shop -> {
                    shop.getBeanFactory().registerSingleton("orders", orders);
                    shop.getBeanFactory().registerSingleton("gateway", provider);
                    shop.getBeanFactory().registerSingleton("stock", stock);
                    shop.getBeanFactory().registerSingleton("attempts", attemptStore);
                })
                .properties(TestServices.rabbit().propertyValues())
                .properties("spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
                .properties("delay-close.timeout=1s", "delay-close.queues.type=classic",
                        "delay-close.sweep.interval=300ms", "delay-close.sweep.grace=1s",
                        "delay-close.retry.max-attempts=3", "delay-close.retry.initial-interval=200ms",
                        "delay-close.retry.multiplier=2",
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

    private static String newId(String kind) {
        return kind + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Shop {
    }
}
