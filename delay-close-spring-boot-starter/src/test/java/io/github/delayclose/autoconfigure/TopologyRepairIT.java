package io.github.delayclose.autoconfigure;

import io.github.delayclose.test.services.ParkingQueueReader;
import io.github.delayclose.test.services.TestTopology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
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
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Queues deleted by hand while the application runs come back, and nothing is lost meanwhile. */
@SpringBootTest(classes = TopologyRepairIT.TestApplication.class, properties = {
        "delay-close.timeout=1s",
        "delay-close.sweep.enabled=false",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
class TopologyRepairIT {

    private static final String PREFIX = TestTopology.uniquePrefix("repair");

    private static final Duration PATIENCE = Duration.ofSeconds(30);

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
    RabbitTemplate rabbit;

    @Autowired
    AmqpAdmin admin;

    @Autowired
    DelayTopology topology;

    @AfterAll
    static void deleteQueues(@Autowired org.springframework.context.ApplicationContext context) {
        TestTopology.delete(context);
    }

    @Test
    void deletedTimeoutQueueIsDeclaredAgainAndOrdersStillClose() {
        admin.deleteQueue(topology.timeoutQueue());
        await().atMost(PATIENCE).until(() -> admin.getQueueProperties(topology.timeoutQueue()) != null);

        String orderId = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        orders.create(orderId);
        scheduler.schedule(orderId);

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(orders.status(orderId)).isEqualTo(OrderStatus.CLOSED));
    }

    @Test
    void deletedParkingQueueIsDeclaredAgainRatherThanDroppingAParkedMessage() {
        admin.deleteQueue(topology.parkingQueue());
        String body = "not an order id " + UUID.randomUUID();
        rabbit.send("", topology.timeoutQueue(), MessageBuilder.withBody(body.getBytes(StandardCharsets.UTF_8)).build());

        ParkingQueueReader parking = new ParkingQueueReader(rabbit, topology.parkingQueue());
        Message parked = await().atMost(PATIENCE).ignoreExceptions().until(() -> parking.find(body).orElse(null),
                Objects::nonNull);
        assertThat(parked.getMessageProperties().<String>getHeader(DelayCloseHeaders.PARKED_REASON))
                .isEqualTo(FailureReason.MALFORMED_MESSAGE.name());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(InMemorySpiConfiguration.class)
    static class TestApplication {
    }
}
