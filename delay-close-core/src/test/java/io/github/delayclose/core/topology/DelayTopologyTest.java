package io.github.delayclose.core.topology;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.ExchangeTypes;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DelayTopologyTest {

    private static final String DELAY = "queue.ordercreate";
    private static final String EXCHANGE = "exchange.ordertimeout";
    private static final String TIMEOUT = "queue.ordertimeout";
    private static final String PARKING = "queue.ordertimeout.parking";
    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final RetryBackoff BACKOFF = new RetryBackoff(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5));
    private static final Duration RECHECK = Duration.ofSeconds(30);

    private static DelayTopology topology(QueueType type) {
        return new DelayTopology(DELAY, EXCHANGE, TIMEOUT, PARKING, type, WINDOW, BACKOFF, RECHECK);
    }

    private static final List<String> RETRY_QUEUES = List.of(TIMEOUT + ".retry.1000ms", TIMEOUT + ".retry.2000ms",
            TIMEOUT + ".retry.4000ms", TIMEOUT + ".retry.5000ms");
    private static final String RECHECK_QUEUE = TIMEOUT + ".recheck.30000ms";

    @Test
    void classicTopologyHasTheTutorialsShapePlusRetryRecheckAndParking() {
        Declarables declarables = topology(QueueType.CLASSIC).declarables();

        assertThat(declarables.getDeclarablesByType(FanoutExchange.class)).singleElement().satisfies(exchange -> {
            assertThat(exchange.getName()).isEqualTo(EXCHANGE);
            assertThat(exchange.getType()).isEqualTo(ExchangeTypes.FANOUT);
            assertThat(exchange.isDurable()).isTrue();
            assertThat(exchange.isAutoDelete()).isFalse();
        });
        assertThat(declarables.getDeclarablesByType(Binding.class)).filteredOn(binding -> binding.getExchange().equals(EXCHANGE))
                .singleElement().satisfies(binding -> {
                    assertThat(binding.getDestination()).isEqualTo(TIMEOUT);
                    assertThat(binding.getDestinationType()).isEqualTo(Binding.DestinationType.QUEUE);
                });

        Map<String, Map<String, Object>> queues = withoutLevels(queues(declarables));
        assertThat(queues.keySet()).containsExactlyInAnyOrder(DELAY, TIMEOUT, PARKING,
                RETRY_QUEUES.get(0), RETRY_QUEUES.get(1), RETRY_QUEUES.get(2), RETRY_QUEUES.get(3), RECHECK_QUEUE);

        assertThat(queues.get(DELAY)).isEqualTo(Map.of(
                "x-message-ttl", WINDOW.toMillis(),
                "x-dead-letter-exchange", EXCHANGE));
        assertThat(queues.get(TIMEOUT)).isEqualTo(Map.of(
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", PARKING));
        assertThat(queues.get(PARKING)).isEmpty();
        long[] retryTtls = {1000, 2000, 4000, 5000};
        for (int i = 0; i < RETRY_QUEUES.size(); i++) {
            assertThat(queues.get(RETRY_QUEUES.get(i))).as(RETRY_QUEUES.get(i)).isEqualTo(Map.of(
                    "x-message-ttl", retryTtls[i],
                    "x-dead-letter-exchange", "",
                    "x-dead-letter-routing-key", TIMEOUT));
        }
        assertThat(queues.get(RECHECK_QUEUE)).isEqualTo(Map.of(
                "x-message-ttl", RECHECK.toMillis(),
                "x-dead-letter-exchange", "",
                "x-dead-letter-routing-key", TIMEOUT));
    }

    private static Map<String, Map<String, Object>> withoutLevels(Map<String, Map<String, Object>> queues) {
        Map<String, Map<String, Object>> rest = new java.util.LinkedHashMap<>(queues);
        rest.keySet().removeIf(name -> name.contains(".level."));
        return rest;
    }

    @Test
    void everyQueueIsDurableAndShared() {
        assertThat(topology(QueueType.CLASSIC).declarables().getDeclarablesByType(Queue.class)).allSatisfy(queue -> {
            assertThat(queue.isDurable()).as(queue.getName()).isTrue();
            assertThat(queue.isExclusive()).as(queue.getName()).isFalse();
            assertThat(queue.isAutoDelete()).as(queue.getName()).isFalse();
        });
    }

    @Test
    void retryAndRecheckQueueNamesUsedAtRuntimeAreDeclared() {
        DelayTopology topology = topology(QueueType.CLASSIC);
        Map<String, Map<String, Object>> queues = queues(topology.declarables());

        IntStream.range(1, BACKOFF.maxAttempts()).forEach(failed -> {
            String name = topology.retryQueue(failed);
            assertThat(queues).as("retry queue after %d failures", failed).containsKey(name);
            assertThat(((Number) queues.get(name).get("x-message-ttl")).longValue())
                    .isEqualTo(BACKOFF.delayAfter(failed).toMillis());
        });
        assertThat(topology.retryQueue(1)).isEqualTo(TIMEOUT + ".retry.1000ms");
        assertThat(topology.recheckQueue()).isEqualTo(RECHECK_QUEUE);
    }

    @Test
    void quorumTopologyMakesEveryQueueQuorumWithSafeDeadLetteringWhereItDeadLetters() {
        Map<String, Map<String, Object>> queues = queues(topology(QueueType.QUORUM).declarables());

        assertThat(withoutLevels(queues)).hasSize(8);
        assertThat(queues).hasSize(8 + DelayLevels.COUNT);
        queues.forEach((name, arguments) -> assertThat(arguments).as(name).containsEntry("x-queue-type", "quorum")
                .containsEntry("x-delivery-limit", (long) DelayTopology.DEFAULT_DELIVERY_LIMIT));
        queues.forEach((name, arguments) -> {
            if (name.equals(PARKING)) {
                assertThat(arguments).as(name).isEqualTo(Map.of("x-queue-type", "quorum",
                        "x-delivery-limit", (long) DelayTopology.DEFAULT_DELIVERY_LIMIT));
            }
            else {
                assertThat(arguments).as(name)
                        .containsEntry("x-dead-letter-strategy", "at-least-once")
                        .containsEntry("x-overflow", "reject-publish");
            }
        });
        assertThat(queues.get(DELAY)).containsEntry("x-message-ttl", WINDOW.toMillis())
                .containsEntry("x-dead-letter-exchange", EXCHANGE);
        assertThat(queues.get(TIMEOUT)).containsEntry("x-dead-letter-routing-key", PARKING);
    }

    @Test
    void classicQueuesCarryNoQuorumArguments() {
        queues(topology(QueueType.CLASSIC).declarables()).forEach((name, arguments) -> assertThat(arguments).as(name)
                .doesNotContainKeys("x-queue-type", "x-dead-letter-strategy", "x-overflow"));
    }

    @Test
    void delayQueueArgumentsMatchTheDeclaredDelayQueue() {
        for (QueueType type : QueueType.values()) {
            DelayTopology topology = topology(type);
            assertThat(normalized(topology.delayQueueArguments())).as(type.name())
                    .isEqualTo(queues(topology.declarables()).get(DELAY));
        }
    }

    @Test
    void equalQueueNamesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, EXCHANGE, DELAY, PARKING, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("different names").withMessageContaining(DELAY);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, EXCHANGE, TIMEOUT, TIMEOUT, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("different names");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, EXCHANGE, TIMEOUT, DELAY, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("different names");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankNamesAreRejected(String blank) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(blank, EXCHANGE, TIMEOUT, PARKING, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("delay queue").withMessageContaining("blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, blank, TIMEOUT, PARKING, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("dead-letter exchange");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, EXCHANGE, blank, PARKING, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("timeout queue");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, EXCHANGE, TIMEOUT, blank, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("parking queue");
    }

    @Test
    void nullNameIsRejectedAsBlank() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(null, EXCHANGE, TIMEOUT, PARKING, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("delay queue");
    }

    @Test
    void reservedAmqNamesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology("amq.delay", EXCHANGE, TIMEOUT, PARKING, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("amq.").withMessageContaining("delay queue");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, "amq.fanout", TIMEOUT, PARKING, QueueType.CLASSIC, WINDOW, BACKOFF, RECHECK))
                .withMessageContaining("amq.").withMessageContaining("dead-letter exchange");
    }

    @Test
    void zeroTimeoutIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, EXCHANGE, TIMEOUT, PARKING, QueueType.CLASSIC, Duration.ZERO, BACKOFF, RECHECK))
                .withMessageContaining("timeout");
    }

    @Test
    void timeoutBeyondRabbitMqsLargestTtlIsRejected() {
        Duration tooLong = Duration.ofMillis(Integer.MAX_VALUE + 1L);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, EXCHANGE, TIMEOUT, PARKING, QueueType.CLASSIC, tooLong, BACKOFF, RECHECK))
                .withMessageContaining("timeout");
    }

    @Test
    void zeroRecheckIntervalIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DelayTopology(DELAY, EXCHANGE, TIMEOUT, PARKING, QueueType.CLASSIC, WINDOW, BACKOFF, Duration.ZERO))
                .withMessageContaining("recheck interval");
    }

    /** Queue name to its arguments, with numbers widened to long so int and long TTLs compare equal. */
    private static Map<String, Map<String, Object>> queues(Declarables declarables) {
        Map<String, Map<String, Object>> queues = new LinkedHashMap<>();
        for (Queue queue : declarables.getDeclarablesByType(Queue.class)) {
            assertThat(queues.put(queue.getName(), normalized(queue.getArguments())))
                    .as("queue %s declared once", queue.getName()).isNull();
        }
        return queues;
    }

    private static Map<String, Object> normalized(Map<String, Object> arguments) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        arguments.forEach((key, value) -> normalized.put(key, value instanceof Number n ? n.longValue() : value));
        return normalized;
    }
}
