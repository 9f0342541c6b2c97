package io.github.delayclose.autoconfigure;

import io.github.delayclose.test.services.TestTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.test.services.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
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

/**
 * The safety net on the real broker: orders whose delay message never reached the broker are found
 * once they are overdue, sent through the listener, and closed; each is sent once, even when it
 * stays unpaid. The sweep runs when the test calls it (its own schedule is an hour away).
 */
@SpringBootTest(classes = SweepIT.TestApplication.class, properties = {
        "delay-close.timeout=1s",
        "delay-close.sweep.grace=1s",
        "delay-close.sweep.lookback=1h",
        "delay-close.sweep.interval=1h",
        "delay-close.sweep.batch-size=2",
        "delay-close.retry.max-attempts=2",
        "delay-close.retry.initial-interval=100ms",
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
class SweepIT {

    private static final String PREFIX = TestTopology.uniquePrefix("sweep");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.rabbit().register(registry);
        TestTopology.register(registry, PREFIX);
    }

    @Autowired
    OverdueOrderSweeper sweeper;

    @Autowired
    InMemoryOrderRepository orders;

    @Autowired
    InMemoryPaymentGateway gateway;

    @AfterAll
    static void deleteQueues(@Autowired org.springframework.context.ApplicationContext context) {
        TestTopology.delete(context);
    }

    @Test
    void lostOrdersAreFoundInPagesClosedAndNeverSentTwice() {
        // Five orders created ten minutes ago whose delay messages never made it to the broker,
        // one of them at a provider that keeps failing, and one order still in its window.
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        List<String> lost = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String orderId = "s" + i + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            orders.create(orderId, tenMinutesAgo);
            lost.add(orderId);
        }
        String failing = lost.get(4);
        gateway.answerQueries(failing, failure("SYSTEMERROR"));
        String fresh = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        orders.create(fresh, Instant.now().plus(Duration.ofHours(1)));

        assertThat(sweeper.sweep()).isEqualTo(5);

        for (String orderId : lost.subList(0, 4)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(orders.status(orderId)).isEqualTo(OrderStatus.CLOSED));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(gateway.queriesFor(failing)).isEqualTo(2));
        assertThat(orders.status(failing)).isEqualTo(OrderStatus.UNPAID);
        assertThat(orders.status(fresh)).isEqualTo(OrderStatus.UNPAID);
        assertThat(gateway.queriesFor(fresh)).isZero();

        // The next sweep scans only what became overdue since: the parked order is not sent again.
        assertThat(sweeper.sweep()).isZero();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(InMemorySpiConfiguration.class)
    static class TestApplication {
    }
}
