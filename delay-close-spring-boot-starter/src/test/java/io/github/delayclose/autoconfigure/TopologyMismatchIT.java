package io.github.delayclose.autoconfigure;

import io.github.delayclose.test.services.TopologyCleanupConfiguration;
import java.util.Map;
import java.util.UUID;

import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import io.github.delayclose.test.services.RabbitEndpoint;
import io.github.delayclose.test.services.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the timeout of a running system. In the tutorial's fixed layout RabbitMQ refuses to
 * re-declare the delay queue with another TTL: start-up must fail with the broker's reason and the
 * ways out, and both (the levels layout, a new delay queue name) must work. A broker holding the
 * tutorial's classic queues while delay-close declares quorum ones fails with both ways out too.
 */
class TopologyMismatchIT {

    private final String prefix = "it.mismatch." + UUID.randomUUID().toString().substring(0, 8);
    private CachingConnectionFactory connectionFactory;
    private RabbitAdmin admin;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, DelayCloseAutoConfiguration.class))
            .withUserConfiguration(InMemorySpiConfiguration.class, TopologyCleanupConfiguration.class)
            .withPropertyValues(TestServices.rabbit().propertyValues())
            .withPropertyValues("delay-close.listener.auto-startup=false", "delay-close.sweep.enabled=false",
                    "delay-close.timeout=10s", "delay-close.queues.type=classic", "delay-close.queues.layout=fixed", "delay-close.queues.timeout=" + prefix + ".timeout",
                    "delay-close.queues.parking=" + prefix + ".parking",
                    "delay-close.queues.dead-letter-exchange=" + prefix + ".dlx");

    @BeforeEach
    void declareDelayQueueWithTheOldTimeout() {
        RabbitEndpoint rabbit = TestServices.rabbit();
        connectionFactory = new CachingConnectionFactory(rabbit.host(), rabbit.port());
        connectionFactory.setUsername(rabbit.username());
        connectionFactory.setPassword(rabbit.password());
        admin = new RabbitAdmin(connectionFactory);
        admin.declareQueue(new Queue(prefix + ".delay", true, false, false,
                Map.of("x-message-ttl", 5000, "x-dead-letter-exchange", prefix + ".dlx")));
    }

    @AfterEach
    void deleteQueues() {
        admin.deleteQueue(prefix + ".delay"); // the rest goes with each context that started
        // A context that failed to start may have declared these before it failed.
        admin.deleteQueue(prefix + ".timeout");
        admin.deleteQueue(prefix + ".parking");
        admin.deleteExchange(prefix + ".dlx");
        connectionFactory.destroy();
    }

    @Test
    void changedTimeoutFailsStartUpWithTheWayOut() {
        runner.withPropertyValues("delay-close.queues.delay=" + prefix + ".delay").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("x-message-ttl");
            FailureAnalysis analysis = new DelayCloseFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("queue '" + prefix + ".delay'").contains("PRECONDITION_FAILED");
            assertThat(analysis.getAction()).contains("delay-close.queues.delay").contains("delay-close.timeout")
                    .contains("delay-close.queues.layout=levels");
        });
    }

    @Test
    void theLevelsLayoutTakesAnyTimeoutWithoutTouchingTheOldQueue() {
        runner.withPropertyValues("delay-close.queues.delay=" + prefix + ".delay", "delay-close.queues.layout=levels")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(admin.getQueueProperties(prefix + ".delay")).as("left as it was, to drain").isNotNull();
                    assertThat(admin.getQueueProperties(prefix + ".delay.level.8000ms")).isNotNull();
                });
    }

    @Test
    void classicQueuesOnTheBrokerAndQuorumQueuesConfiguredFailWithBothWaysOut() {
        admin.declareQueue(new Queue(prefix + ".timeout", true, false, false,
                Map.of("x-dead-letter-exchange", "", "x-dead-letter-routing-key", prefix + ".parking")));
        try {
            runner.withPropertyValues("delay-close.queues.delay=" + prefix + ".delay.v3", "delay-close.queues.type=quorum",
                    "delay-close.queues.layout=levels").run(context -> {
                        assertThat(context).hasFailed();
                        FailureAnalysis analysis = new DelayCloseFailureAnalyzer().analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).contains("PRECONDITION_FAILED").contains(prefix + ".timeout");
                        assertThat(analysis.getAction()).contains("delay-close.queues.type=classic")
                                .contains("new names").contains("sweep");
                    });
        }
        finally {
            admin.deleteQueue(prefix + ".timeout");
        }
    }

    @Test
    void aNewDelayQueueNameIsTheWayOut() {
        runner.withPropertyValues("delay-close.queues.delay=" + prefix + ".delay.v2").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(admin.getQueueProperties(prefix + ".delay.v2")).isNotNull();
        });
    }
}
