package io.github.delayclose.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuorumDeadLetteringCheckTest {

    @ParameterizedTest
    @ValueSource(strings = { "3.8.35", "3.9.29", "2.8.1" })
    void aBrokerThatDeadLettersAtMostOnceIsNamedWithTheWaysOut(String version) {
        assertThat(QuorumDeadLetteringCheck.problem(version)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("RabbitMQ " + version).contains("at most once").contains("3.10")
                .contains("delay-close.queues.type=classic"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "3.10.0", "3.10.8", "3.13.7", "4.0.9", "4.2.1", "10.1.0" })
    void brokersWithAtLeastOnceDeadLetteringPass(String version) {
        assertThat(QuorumDeadLetteringCheck.problem(version)).isEmpty();
    }

    @Test
    void aVersionThatCannotBeReadSaysNothingRatherThanGuess() {
        assertThat(QuorumDeadLetteringCheck.problem("null")).isEmpty();
        assertThat(QuorumDeadLetteringCheck.problem("")).isEmpty();
    }

    @Test
    void onlyQuorumQueuesAreChecked() {
        BrokerlessContextRunner.create().run(context -> assertThat(context).hasSingleBean(QuorumDeadLetteringCheck.class));
        BrokerlessContextRunner.create().withPropertyValues("delay-close.queues.type=classic")
                .run(context -> assertThat(context).doesNotHaveBean(QuorumDeadLetteringCheck.class));
    }
}
