package io.github.delayclose.autoconfigure;

import io.github.delayclose.test.services.ParkingQueueReader;
import io.github.delayclose.test.services.TestTopology;
import java.time.Duration;
import java.util.UUID;

import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.message.DelayCloseHeaders;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.services.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The same flow on quorum queues with at-least-once dead-lettering, for clusters. */
@SpringBootTest(classes = QuorumQueueIT.TestApplication.class, properties = {
        "delay-close.queues.type=quorum",
        "delay-close.timeout=1s",
        "delay-close.retry.max-attempts=2",
        "delay-close.retry.initial-interval=200ms",
        "delay-close.sweep.enabled=false",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
class QuorumQueueIT {

    private static final String PREFIX = TestTopology.uniquePrefix("quorum");

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
    InMemoryPaymentGateway gateway;

    @Autowired
    InMemoryStockRestorer stock;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    DelayTopology topology;

    @Autowired
    AmqpAdmin admin;

    @AfterAll
    static void deleteQueues(@Autowired org.springframework.context.ApplicationContext context) {
        TestTopology.delete(context);
    }

    @Test
    void queuesAreQuorumQueues() {
        // Re-declaring as classic must clash with the quorum queue the starter declared.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> admin.declareQueue(new Queue(topology.parkingQueue())))
                .hasStackTraceContaining("x-queue-type");
    }

    @Test
    void unpaidOrderIsClosedEndToEnd() {
        String orderId = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        orders.create(orderId);
        scheduler.schedule(orderId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(orders.status(orderId)).isEqualTo(OrderStatus.CLOSED));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(stock.restoresOf(orderId)).isEqualTo(1));
    }

    @Test
    void failingOrderIsRetriedThenParked() {
        String orderId = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        orders.create(orderId);
        gateway.answerQueries(orderId, failure("connect timed out"));
        scheduler.schedule(orderId);

        ParkingQueueReader parking = new ParkingQueueReader(rabbit, topology.parkingQueue());
        Message parked = await().atMost(Duration.ofSeconds(20)).until(() -> parking.find(orderId).orElse(null),
                java.util.Objects::nonNull);
        assertThat(parked.getMessageProperties().<String>getHeader(DelayCloseHeaders.PARKED_REASON))
                .isEqualTo(FailureReason.PROVIDER_ERROR.name());
        assertThat(gateway.queriesFor(orderId)).isEqualTo(2);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(InMemorySpiConfiguration.class)
    static class TestApplication {
    }
}
