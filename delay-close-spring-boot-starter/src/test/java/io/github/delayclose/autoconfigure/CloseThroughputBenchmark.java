package io.github.delayclose.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.services.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.awaitility.Awaitility.await;

/**
 * How many orders per second the listener closes when the provider takes 20 ms per call (40 ms per
 * order: a query and a close), for the tutorial's single consumer and for delay-close's defaults.
 * Prints a table; not part of the build's tests. Run it with:
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -pl delay-close-spring-boot-starter test -Dtest=CloseThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class CloseThroughputBenchmark {

    private static final int ORDERS = Integer.getInteger("benchmark.orders", 1000);

    private static final Duration PROVIDER_LATENCY = Duration.ofMillis(20);

    @Test
    void closesPerSecond() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-36s %8s %10s %12s", "consumers (concurrency/max)", "orders", "seconds", "closes/s"));
        rows.add(run(1, 1, 1, "tutorial: one consumer, prefetch 1"));
        rows.add(run(8, 32, 5, "delay-close defaults"));
        rows.add(run(32, 32, 5, "32 consumers"));
        System.out.println();
        System.out.println("Close throughput, provider latency " + PROVIDER_LATENCY.toMillis() + " ms per call, " + ORDERS + " orders");
        rows.forEach(System.out::println);
        System.out.println();
    }

    private String run(int concurrency, int maxConcurrency, int prefetch, String label) {
        String prefix = "bench." + UUID.randomUUID().toString().substring(0, 8);
        List<String> args = new ArrayList<>(List.of(TestServices.rabbit().propertyValues()));
        args.addAll(List.of("delay-close.sweep.enabled=false",
                "delay-close.listener.concurrency=" + concurrency, "delay-close.listener.max-concurrency=" + maxConcurrency,
                "delay-close.listener.prefetch=" + prefetch, "delay-close.queues.delay=" + prefix + ".delay",
                "delay-close.queues.timeout=" + prefix + ".timeout", "delay-close.queues.parking=" + prefix + ".parking",
                "delay-close.queues.dead-letter-exchange=" + prefix + ".dlx",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "logging.level.io.github.delayclose=WARN"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchmarkApplication.class)
                .web(WebApplicationType.NONE).properties(args.stream().map(arg -> arg.replaceFirst("=", ":")).toArray(String[]::new))
                .run()) {
            InMemoryOrderRepository orders = context.getBean(InMemoryOrderRepository.class);
            RabbitTemplate rabbit = context.getBean(RabbitTemplate.class);
            DelayTopology topology = context.getBean(DelayTopology.class);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                String id = "b" + i + "x" + UUID.randomUUID().toString().substring(0, 8);
                orders.create(id);
                ids.add(id);
            }
            long start = System.nanoTime();
            // Straight to the timeout queue: this measures closing, not waiting for a TTL.
            for (String id : ids) {
                rabbit.send("", topology.timeoutQueue(), MessageBuilder.withBody(id.getBytes(StandardCharsets.UTF_8)).build());
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ids.stream().allMatch(id -> orders.status(id) == OrderStatus.CLOSED));
            double seconds = (System.nanoTime() - start) / 1e9;
            AmqpAdmin admin = context.getBean(AmqpAdmin.class);
            topology.declarables().getDeclarablesByType(Queue.class).forEach(queue -> admin.deleteQueue(queue.getName()));
            admin.deleteExchange(topology.deadLetterExchange());
            return String.format("%-36s %8d %10.2f %12.0f", label + " (" + concurrency + "/" + maxConcurrency + ")",
                    ORDERS, seconds, ORDERS / seconds);
        }
    }

    /** A provider that takes a fixed time per call, like a remote API. */
    static final class SlowProvider implements PaymentGateway {

        @Override
        public TradeReport queryTrade(String orderId) {
            pause();
            return TradeReport.unpaid(TradeState.NOTPAY);
        }

        @Override
        public TradeCloseResult closeOrder(String orderId) {
            pause();
            return TradeCloseResult.CLOSED;
        }

        private static void pause() {
            try {
                Thread.sleep(PROVIDER_LATENCY.toMillis()); // stands for the provider's network round trip
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class BenchmarkApplication {

        @Bean
        InMemoryOrderRepository orders() {
            return new InMemoryOrderRepository();
        }

        @Bean
        SlowProvider gateway() {
            return new SlowProvider();
        }

        @Bean
        InMemoryStockRestorer stock() {
            return new InMemoryStockRestorer();
        }
    }
}
