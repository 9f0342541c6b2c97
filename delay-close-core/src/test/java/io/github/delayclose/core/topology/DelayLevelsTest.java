package io.github.delayclose.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;

/**
 * The binary delay levels: a delay's route, and the exchange chain a message walks as each level
 * expires. The walk is simulated here exactly as the broker's topic exchanges match, so every
 * delay is proven to reach the dead-letter exchange after its own time, never earlier.
 */
class DelayLevelsTest {

    private static final DelayTopology TOPOLOGY = new DelayTopology("q.create", "x.timeout", "q.timeout", "q.parking",
            QueueType.CLASSIC, DelayLayout.LEVELS, Duration.ofMinutes(30),
            new RetryBackoff(3, Duration.ofSeconds(1), 2, Duration.ofSeconds(4)), Duration.ofSeconds(30), 100);

    private final DelayLevels levels = TOPOLOGY.levels();

    @Test
    void levelsDoubleFromAQuarterSecondToOver48DaysInAll() {
        assertThat(DelayLevels.ttl(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(DelayLevels.ttl(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(DelayLevels.LONGEST).isGreaterThan(Duration.ofDays(48));
        assertThat(levels.queue(2)).isEqualTo("q.create.level.1000ms");
        assertThat(levels.exchange(2)).isEqualTo("x.timeout.level.1000ms");
    }

    @Test
    void aDelayIsPublishedStraightToTheLevelOfItsHighestBit() {
        assertThat(levels.route(Duration.ofSeconds(1))).get()
                .isEqualTo(new DelayLevels.Route("x.timeout.level.1000ms", key(4)));
        assertThat(levels.route(Duration.ofMinutes(30))).get().extracting(DelayLevels.Route::exchange)
                .isEqualTo(levels.exchange(12)); // 7200 quarter seconds: highest bit 2^12
        assertThat(levels.route(Duration.ZERO)).isEmpty();
        assertThat(levels.route(Duration.ofMillis(-5))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = { 1, 249, 250, 251, 999, 1000, 1750, 15_000, 59_999, 1_800_000, 86_400_000, 2_592_000_000L })
    void everyDelayWaitsItsOwnTimeRoundedUpToAQuarterSecond(long millis) {
        Duration delay = Duration.ofMillis(millis);
        Duration waited = walk(levels.route(delay).orElseThrow());
        assertThat(waited).isGreaterThanOrEqualTo(delay).isLessThan(delay.plus(DelayLevels.UNIT));
    }

    @Test
    void aDelayLongerThanAllLevelsWaitsTheLongestAndIsSentOnAgainOnArrival() {
        Duration waited = walk(levels.route(Duration.ofDays(60)).orElseThrow());
        assertThat(waited).isEqualTo(DelayLevels.LONGEST);
    }

    /** Follows a message through the declared exchanges and queues, adding up the TTLs it waits. */
    private static Duration walk(DelayLevels.Route route) {
        var declarables = TOPOLOGY.declarables();
        List<Binding> bindings = declarables.getDeclarablesByType(Binding.class);
        Map<String, Queue> queues = declarables.getDeclarablesByType(Queue.class).stream()
                .collect(Collectors.toMap(Queue::getName, queue -> queue));
        List<String> topics = declarables.getDeclarablesByType(TopicExchange.class).stream()
                .map(TopicExchange::getName).toList();
        String exchange = route.exchange();
        Duration waited = Duration.ZERO;
        for (int hops = 0; hops < 100 && topics.contains(exchange); hops++) {
            String at = exchange;
            Binding next = bindings.stream().filter(binding -> binding.getExchange().equals(at))
                    .filter(binding -> matches(binding.getRoutingKey(), route.routingKey()))
                    .reduce((a, b) -> { throw new AssertionError("two bindings of " + at + " match"); })
                    .orElseThrow(() -> new AssertionError("no binding of " + at + " matches " + route.routingKey()));
            if (next.getDestinationType() == Binding.DestinationType.QUEUE) {
                Queue queue = queues.get(next.getDestination());
                waited = waited.plusMillis(((Number) queue.getArguments().get("x-message-ttl")).longValue());
                exchange = (String) queue.getArguments().get("x-dead-letter-exchange");
            }
            else {
                exchange = next.getDestination();
            }
        }
        assertThat(exchange).as("ends at the dead-letter exchange").isEqualTo("x.timeout");
        return waited;
    }

    /** RabbitMQ's topic match for the patterns the levels use: words, '*' one word, a trailing '#'. */
    private static boolean matches(String pattern, String key) {
        String[] p = pattern.split("\\.");
        String[] k = key.split("\\.");
        for (int i = 0; i < p.length; i++) {
            if (p[i].equals("#")) {
                return true;
            }
            if (i >= k.length || !(p[i].equals("*") || p[i].equals(k[i]))) {
                return false;
            }
        }
        return p.length == k.length;
    }

    private static String key(long units) {
        return DelayLevels.routingKey(units);
    }

    @Test
    void theRoutingKeyIsTheDelaysBinaryDigitsHighestFirst() {
        assertThat(DelayLevels.routingKey(5)).endsWith("0.1.0.1").hasSize(2 * DelayLevels.COUNT - 1);
        assertThat(Optional.of(DelayLevels.pattern(0, '1'))).get().asString().endsWith("*.1.#");
    }
}
