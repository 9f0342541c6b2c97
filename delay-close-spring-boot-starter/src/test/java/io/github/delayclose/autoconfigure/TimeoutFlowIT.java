package io.github.delayclose.autoconfigure;

import io.github.delayclose.test.services.ParkingQueueReader;
import io.github.delayclose.test.services.TestTopology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.message.DelayCloseHeaders;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.schedule.TimeoutScheduleFailedEvent;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.services.TestServices;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.failure;
import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole flow on the real broker, with a 1 s payment window: schedule, TTL, dead-letter,
 * listener, decision, SPI calls, retries, re-checks and parking. Transactions are real
 * (MariaDB); the SPIs are in-memory doubles so each provider answer can be scripted.
 */
@SpringBootTest(classes = TimeoutFlowIT.TestApplication.class, properties = {
        "delay-close.timeout=1s",
        "delay-close.retry.max-attempts=3",
        "delay-close.retry.initial-interval=200ms",
        "delay-close.retry.multiplier=2",
        "delay-close.retry.max-interval=1s",
        "delay-close.recheck.interval=300ms",
        "delay-close.recheck.max-rechecks=2",
        "delay-close.sweep.enabled=false" })
class TimeoutFlowIT {

    private static final String PREFIX = TestTopology.uniquePrefix("flow");

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.rabbit().register(registry);
        TestServices.mariaDb("delay_close_starter").register(registry);
        TestTopology.register(registry, PREFIX);
    }

    @Autowired
    OrderTimeoutScheduler scheduler;

    @Autowired
    InMemoryOrderRepository orders;

    @Autowired
    InMemoryPaymentGateway gateway;

    @Autowired
    InMemoryStockRestorer stock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    DelayTopology topology;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ScheduleFailures scheduleFailures;

    private ParkingQueueReader parking;

    @BeforeEach
    void readParking() {
        parking = new ParkingQueueReader(rabbit, topology.parkingQueue());
    }

    @AfterAll
    static void deleteQueues(@Autowired org.springframework.context.ApplicationContext context) {
        TestTopology.delete(context);
    }

    private String newOrder() {
        String orderId = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        orders.create(orderId);
        return orderId;
    }

    private String committedOrder() {
        return transactions.execute(tx -> {
            String orderId = newOrder();
            scheduler.schedule(orderId);
            return orderId;
        });
    }

    private void awaitStatus(String orderId, OrderStatus status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(orders.status(orderId)).isEqualTo(status));
    }

    private Message awaitParked(String orderId) {
        return await().atMost(PATIENCE).until(() -> parking.find(orderId).orElse(null), java.util.Objects::nonNull);
    }

    @Test
    void committedOrderIsClosedAfterItsTimeoutAndStockComesBackOnce() {
        String orderId = committedOrder();

        awaitStatus(orderId, OrderStatus.CLOSED);
        assertThat(gateway.closesFor(orderId)).isEqualTo(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stock.restoresOf(orderId)).isEqualTo(1));
    }

    @Test
    void scheduledFromAnotherAfterCommitCallbackIsStillPublished() {
        // What a @TransactionalEventListener does: schedule once the order's transaction committed.
        String orderId = transactions.execute(tx -> {
            String id = newOrder();
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            scheduler.schedule(id);
                        }
                    });
            return id;
        });

        awaitStatus(orderId, OrderStatus.CLOSED);
    }

    @Test
    void rolledBackOrderIsNeverScheduled() {
        String rolledBack = transactions.execute(tx -> {
            String orderId = newOrder();
            scheduler.schedule(orderId);
            tx.setRollbackOnly();
            return orderId;
        });
        // A witness scheduled after the rolled-back order: once its timeout has been handled,
        // the rolled-back order's timeout would have been too, had it been published.
        String witness = committedOrder();

        awaitStatus(witness, OrderStatus.CLOSED);
        assertThat(gateway.queriesFor(rolledBack)).isZero();
        assertThat(orders.status(rolledBack)).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void paymentTheShopMissedIsCompensated() {
        String orderId = newOrder();
        gateway.answerQueries(orderId, state(TradeState.SUCCESS));
        scheduler.schedule(orderId);

        awaitStatus(orderId, OrderStatus.PAID);
        assertThat(orders.payment(orderId)).get().extracting("transactionId").isEqualTo("wx-" + orderId);
        assertThat(gateway.closesFor(orderId)).isZero();
        assertThat(stock.restoresOf(orderId)).isZero();
    }

    @Test
    void refundedTradeCountsAsPaid() {
        String orderId = newOrder();
        gateway.answerQueries(orderId, state(TradeState.REFUND));
        scheduler.schedule(orderId);

        awaitStatus(orderId, OrderStatus.PAID);
        assertThat(stock.restoresOf(orderId)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = TradeState.class, names = { "CLOSED", "REVOKED", "PAYERROR", "NOT_FOUND" })
    void nothingLeftToCloseAtTheProviderClosesLocallyOnly(TradeState providerState) {
        String orderId = newOrder();
        gateway.answerQueries(orderId, state(providerState));
        scheduler.schedule(orderId);

        awaitStatus(orderId, OrderStatus.CLOSED);
        assertThat(gateway.closesFor(orderId)).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stock.restoresOf(orderId)).isEqualTo(1));
    }

    @Test
    void paidWhileClosingIsRequeriedAndCompensated() {
        String orderId = newOrder();
        gateway.answerQueries(orderId, state(TradeState.NOTPAY), state(TradeState.SUCCESS));
        gateway.answerClose(orderId, TradeCloseResult.ALREADY_PAID);
        scheduler.schedule(orderId);

        awaitStatus(orderId, OrderStatus.PAID);
        assertThat(gateway.queriesFor(orderId)).isEqualTo(2);
        assertThat(stock.restoresOf(orderId)).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = TradeState.class, names = { "USERPAYING", "ACCEPT" })
    void payerStillPayingIsRecheckedThenClosed(TradeState pending) {
        String orderId = newOrder();
        gateway.answerQueries(orderId, state(pending), state(TradeState.NOTPAY));
        scheduler.schedule(orderId);

        awaitStatus(orderId, OrderStatus.CLOSED);
        assertThat(gateway.queriesFor(orderId)).isEqualTo(2);
    }

    @Test
    void payerPayingForeverIsParkedAfterTheLastRecheck() {
        String orderId = newOrder();
        gateway.answerQueries(orderId, state(TradeState.USERPAYING));
        scheduler.schedule(orderId);

        Message parked = awaitParked(orderId);
        assertThat(parked.getMessageProperties().<String>getHeader(DelayCloseHeaders.PARKED_REASON))
                .isEqualTo(FailureReason.STILL_PAYING.name());
        assertThat(gateway.queriesFor(orderId)).isEqualTo(3); // first look + 2 re-checks
        assertThat(orders.status(orderId)).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void failingProviderIsRetriedWithBackoffThenRecovers() {
        double retriesBefore = meters.counter("delay.close.retries", "reason", "PROVIDER_ERROR").count();
        String orderId = newOrder();
        gateway.answerQueries(orderId, failure("read timed out"), failure("bad signature"), state(TradeState.NOTPAY));
        scheduler.schedule(orderId);

        awaitStatus(orderId, OrderStatus.CLOSED);
        assertThat(gateway.queriesFor(orderId)).isEqualTo(3);
        assertThat(meters.counter("delay.close.retries", "reason", "PROVIDER_ERROR").count() - retriesBefore)
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void providerFailingEveryTimeIsParkedWithItsReasonAndAttempts() {
        String orderId = newOrder();
        gateway.answerQueries(orderId, failure("SYSTEMERROR"));
        scheduler.schedule(orderId);

        Message parked = awaitParked(orderId);
        assertThat(parked.getMessageProperties().<String>getHeader(DelayCloseHeaders.PARKED_REASON))
                .isEqualTo(FailureReason.PROVIDER_ERROR.name());
        assertThat(parked.getMessageProperties().<Integer>getHeader(DelayCloseHeaders.PARKED_ATTEMPTS)).isEqualTo(3);
        assertThat(parked.getMessageProperties().<String>getHeader("x-exception-message")).contains("SYSTEMERROR");
        assertThat(gateway.queriesFor(orderId)).isEqualTo(3);
        assertThat(orders.status(orderId)).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void unknownOrderIsRetriedThenParked() {
        String orderId = "missing" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        scheduler.schedule(orderId);

        Message parked = awaitParked(orderId);
        assertThat(parked.getMessageProperties().<String>getHeader(DelayCloseHeaders.PARKED_REASON))
                .isEqualTo(FailureReason.ORDER_NOT_FOUND.name());
        assertThat(gateway.queriesFor(orderId)).isZero();
    }

    @Test
    void malformedBodyIsParkedAtOnce() {
        String body = "{\"orderId\": 42}";
        rabbit.send("", topology.timeoutQueue(), MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8)).build());

        Message parked = awaitParked(body);
        assertThat(parked.getMessageProperties().<String>getHeader(DelayCloseHeaders.PARKED_REASON))
                .isEqualTo(FailureReason.MALFORMED_MESSAGE.name());
        assertThat(parked.getMessageProperties().<Integer>getHeader(DelayCloseHeaders.PARKED_ATTEMPTS)).isEqualTo(1);
    }

    @Test
    void duplicateDeliveriesCloseOnceAndRestoreStockOnce() {
        double alreadyFinalBefore = meters.counter("delay.close.outcomes", "result", TimeoutOutcome.ALREADY_FINAL.name()).count();
        String orderId = newOrder();
        for (int i = 0; i < 5; i++) {
            rabbit.send("", topology.timeoutQueue(), MessageBuilder.withBody(orderId.getBytes(StandardCharsets.UTF_8)).build());
        }

        awaitStatus(orderId, OrderStatus.CLOSED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(meters.counter("delay.close.outcomes", "result",
                TimeoutOutcome.ALREADY_FINAL.name()).count() - alreadyFinalBefore).isGreaterThanOrEqualTo(4));
        assertThat(stock.restoresOf(orderId)).isEqualTo(1);
    }

    @Test
    void everyPublishedMessageIsPersistent(@Autowired io.github.delayclose.core.publish.ConfirmedPublisher publisher,
            @Autowired AmqpAdmin admin) {
        String queue = admin.declareQueue().getName();
        publisher.publish("", queue, MessageBuilder.withBody("o1".getBytes(StandardCharsets.UTF_8)).build());

        Message received = await().atMost(PATIENCE).until(() -> rabbit.receive(queue), java.util.Objects::nonNull);
        assertThat(received.getMessageProperties().getReceivedDeliveryMode())
                .isEqualTo(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
    }

    @Test
    void parkingOnAMissingQueueFailsInsteadOfDroppingTheMessage() {
        RabbitTemplate template = new RabbitTemplate(confirmingFactory());
        io.github.delayclose.core.publish.BudgetedPublisher publisher = new io.github.delayclose.core.publish.BudgetedPublisher(
                new io.github.delayclose.core.publish.ConfirmedPublisher(template, Duration.ofSeconds(5)),
                new io.github.delayclose.core.publish.PublishBudget(Duration.ofMillis(300), Duration.ofMillis(50),
                        Duration.ofMillis(100)), Runnable::run, 10);
        io.github.delayclose.core.listen.ParkingRecoverer parking = new io.github.delayclose.core.listen.ParkingRecoverer(
                template, publisher, PREFIX + ".no-such-parking-queue", () -> { });
        Message message = MessageBuilder.withBody("o2".getBytes(StandardCharsets.UTF_8)).build();

        assertThatThrownBy(() -> parking.park(message, FailureReason.PROVIDER_ERROR, 3, new RuntimeException("boom")))
                .isInstanceOf(io.github.delayclose.core.publish.PublishFailedException.class)
                .hasMessageContaining("NO_ROUTE");
    }

    @Test
    void healthIsUpWithQueueDepths(@Autowired io.github.delayclose.autoconfigure.health.DelayCloseHealthIndicator health) {
        org.springframework.boot.health.contributor.Health result = health.health();
        assertThat(result.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UP);
        assertThat(result.getDetails()).containsKeys("delayQueueMessages", "timeoutQueueMessages", "parkedMessages");
        assertThat(result.getDetails().get("listener")).asString().startsWith("running");
        assertThat(result.getDetails().get("parkedMessages")).isInstanceOf(Long.class);
    }

    @Test
    void unroutableDelayMessageIsTriedForTheBudgetThenReportedOnce() {
        // A topology whose delay queue does not exist: the broker returns every publish.
        String orderId = newOrder();
        DelayTopology absent = new DelayTopology(PREFIX + ".absent", topology.deadLetterExchange(),
                topology.timeoutQueue(), topology.parkingQueue(), topology.queueType(),
                io.github.delayclose.core.topology.DelayLayout.FIXED, topology.timeout(), topology.retryBackoff(),
                topology.recheckInterval(), topology.deliveryLimit());
        io.github.delayclose.core.publish.BudgetedPublisher publisher = new io.github.delayclose.core.publish.BudgetedPublisher(
                new io.github.delayclose.core.publish.ConfirmedPublisher(new RabbitTemplate(confirmingFactory()),
                        Duration.ofSeconds(5)),
                new io.github.delayclose.core.publish.PublishBudget(Duration.ofMillis(500), Duration.ofMillis(50),
                        Duration.ofMillis(100)), Runnable::run, 10);
        OrderTimeoutScheduler broken = new OrderTimeoutScheduler(publisher,
                new io.github.delayclose.core.topology.DelayRoutes(absent, java.time.Clock.systemUTC()),
                topology.timeout(), io.github.delayclose.core.spi.OrderIdRules.ANY, orders, scheduleFailures::record,
                new io.github.delayclose.core.metrics.MicrometerDelayCloseMetrics(new SimpleMeterRegistry()),
                java.time.Clock.systemUTC());

        broken.schedule(orderId); // returns at once: the caller never waits for the broker

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scheduleFailures.orderIds).containsExactly(orderId));
        assertThat(scheduleFailures.causes).singleElement().asString().contains("unroutable");
    }

    @Test
    void delayQueuesUnroutableForSecondsGetTheMessageOnceBackAndTheOrderClosesOnTimeWithoutTheSweep(
            @Autowired TopologyDeclarer declarer, @Autowired AmqpAdmin admin) {
        // The publisher's connection opens on its first message and declares the topology: open it first.
        awaitStatus(committedOrder(), OrderStatus.CLOSED);
        // As during a failover: for a few seconds no delay queue takes the message (here, none exists).
        topology.waitingQueues().forEach(admin::deleteQueue);
        String orderId = newOrder();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(6);
        try {
            scheduler.schedule(orderId, deadline);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() ->
                    orders.status(orderId) == OrderStatus.UNPAID
                            && topology.waitingQueues().stream().allMatch(queue -> admin.getQueueProperties(queue) == null));
        }
        finally {
            declarer.declare();
        }

        await().atMost(PATIENCE).until(() -> orders.status(orderId) == OrderStatus.CLOSED);
        assertThat(java.time.Instant.now()).as("closed no earlier than its deadline").isAfterOrEqualTo(deadline);
        assertThat(scheduleFailures.orderIds).doesNotContain(orderId);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private org.springframework.amqp.rabbit.connection.ConnectionFactory confirmingFactory() {
        return context.getBean(DelayCloseAutoConfiguration.CONNECTION_FACTORY,
                org.springframework.amqp.rabbit.connection.ConnectionFactory.class);
    }

    /** Collects schedule failures raised as events. */
    static class ScheduleFailures {

        final java.util.List<String> orderIds = new CopyOnWriteArrayList<>();

        final java.util.List<Throwable> causes = new CopyOnWriteArrayList<>();

        @EventListener
        void record(Object event) {
            if (event instanceof TimeoutScheduleFailedEvent failed) {
                orderIds.add(failed.orderId());
                causes.add(failed.cause());
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(InMemorySpiConfiguration.class)
    static class TestApplication {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ScheduleFailures scheduleFailures() {
            return new ScheduleFailures();
        }
    }
}
