package io.github.delayclose.core.listen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.github.delayclose.core.message.TimeoutMessage;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

class ClosesInFlightTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant DEADLINE = NOW.minusSeconds(40);

    @Test
    void aFirstCopyIsDueAtItsDeadlineAndARetryCopyWhenItsWaitEnded() {
        ClosesInFlight inFlight = new ClosesInFlight();
        Instant retryEnded = NOW.minusSeconds(3);
        try (var first = inFlight.started(received(null), TimeoutMessage.scheduled("o1", DEADLINE), NOW);
                var retry = inFlight.started(received(retryEnded), new TimeoutMessage("o2", 0, 1, 0, DEADLINE.plusSeconds(1)),
                        NOW)) {
            assertThat(inFlight.oldestDeadline()).contains(DEADLINE);
            assertThat(inFlight.oldestDue()).contains(DEADLINE);
            first.close();
            assertThat(inFlight.oldestDeadline()).contains(DEADLINE.plusSeconds(1));
            assertThat(inFlight.oldestDue()).as("the retry copy became due when its wait ended").contains(retryEnded);
        }
        assertThat(inFlight.size()).isZero();
        assertThat(inFlight.oldestDue()).isEmpty();
    }

    @Test
    void aMessageThatSaysNeitherIsDueNow() {
        ClosesInFlight inFlight = new ClosesInFlight();
        try (var tutorial = inFlight.started(received(null), TimeoutMessage.scheduled("o3", null), NOW)) {
            assertThat(inFlight.oldestDeadline()).contains(NOW);
            assertThat(inFlight.oldestDue()).contains(NOW);
        }
    }

    @Test
    void aCloseRunningLongerThanTheLimitNoLongerCounts() {
        ClosesInFlight inFlight = new ClosesInFlight(Duration.ZERO);
        try (var stuck = inFlight.started(received(null), TimeoutMessage.scheduled("o4", DEADLINE), NOW)) {
            assertThat(inFlight.size()).isOne();
            assertThat(inFlight.oldestDeadline()).isEmpty();
        }
    }

    private static Message received(Instant deadLetteredAt) {
        MessageProperties properties = new MessageProperties();
        if (deadLetteredAt != null) {
            // As RabbitMQ writes it: most recent first.
            properties.setHeader("x-death", List.of(
                    Map.of("queue", "retry", "reason", "expired", "count", 1L, "time", Date.from(deadLetteredAt)),
                    Map.of("queue", "delay", "reason", "expired", "count", 1L, "time", Date.from(DEADLINE))));
        }
        return new Message("o".getBytes(), properties);
    }
}
