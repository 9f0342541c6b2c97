package io.github.delayclose.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;

import io.github.delayclose.core.topology.QueueType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Every rule on {@code delay-close.*}: a bad value fails start-up, and Boot's failure analysis names
 * the property and the rule. Binding happens before anything connects, so no broker is needed.
 */
class DelayClosePropertiesValidationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PropertiesOnly.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DelayCloseProperties.class)
    static class PropertiesOnly {
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("delay-close.timeout=-5s", "delay-close.timeout", "must be longer than or equal to"),
                Arguments.of("delay-close.timeout=0", "delay-close.timeout", "must be longer than or equal to"),
                Arguments.of("delay-close.queues.layout=fixed;delay-close.timeout=30d", "delay-close",
                        "must be at most 24 days (RabbitMQ's largest queue TTL) with delay-close.queues.layout=fixed"),
                Arguments.of("delay-close.queues.delivery-limit=0", "delay-close.queues.delivery-limit",
                        "must be greater than or equal to 1"),
                Arguments.of("delay-close.queues.delay=amq.mine", "delay-close.queues.delay", "amq."),
                Arguments.of("delay-close.queues.timeout= ", "delay-close.queues.timeout", "must not be blank"),
                Arguments.of("delay-close.queues.parking=queue.ordercreate", "delay-close.queues",
                        "three different names"),
                Arguments.of("delay-close.listener.consumers=0", "delay-close.listener.consumers",
                        "must be greater than or equal to 1"),
                Arguments.of("delay-close.listener.window=0", "delay-close.listener.window",
                        "must be greater than or equal to 1"),
                Arguments.of("delay-close.listener.window=1", "delay-close.listener",
                        "must be at least delay-close.listener.consumers"),
                Arguments.of("delay-close.listener.database-concurrency=-1", "delay-close.listener.database-concurrency",
                        "must be greater than or equal to 0"),
                Arguments.of("delay-close.listener.shutdown-grace=-1s", "delay-close.listener.shutdown-grace",
                        "must be longer than or equal to"),
                Arguments.of("delay-close.provider.max-calls-per-second=-1", "delay-close.provider.max-calls-per-second",
                        "must be greater than or equal to 0"),
                Arguments.of("delay-close.provider.max-concurrent-calls=-1", "delay-close.provider.max-concurrent-calls",
                        "must be greater than or equal to 0"),
                Arguments.of("delay-close.retry.max-attempts=0", "delay-close.retry.max-attempts",
                        "must be greater than or equal to 1"),
                Arguments.of("delay-close.retry.initial-interval=0", "delay-close.retry.initial-interval",
                        "must be longer than or equal to"),
                Arguments.of("delay-close.retry.multiplier=0.5", "delay-close.retry.multiplier",
                        "must be greater than or equal to 1.0"),
                Arguments.of("delay-close.retry.max-interval=1s", "delay-close.retry",
                        "must not be shorter than delay-close.retry.initial-interval"),
                Arguments.of("delay-close.recheck.interval=0", "delay-close.recheck.interval",
                        "must be longer than or equal to"),
                Arguments.of("delay-close.recheck.max-rechecks=-1", "delay-close.recheck.max-rechecks",
                        "must be greater than or equal to 0"),
                Arguments.of("delay-close.publish.confirm-timeout=0", "delay-close.publish.confirm-timeout",
                        "must be longer than or equal to"),
                Arguments.of("delay-close.publish.budget=-1s", "delay-close.publish.budget",
                        "must be longer than or equal to"),
                Arguments.of("delay-close.publish.first-backoff=10s", "delay-close.publish",
                        "must not be shorter than delay-close.publish.first-backoff"),
                Arguments.of("delay-close.publish.threads=0", "delay-close.publish.threads",
                        "must be greater than or equal to 1"),
                Arguments.of("delay-close.publish.queue-capacity=0", "delay-close.publish.queue-capacity",
                        "must be greater than or equal to 1"),
                Arguments.of("delay-close.sweep.interval=0", "delay-close.sweep.interval",
                        "must be longer than or equal to"),
                Arguments.of("delay-close.sweep.grace=-1s", "delay-close.sweep.grace", "must be longer than or equal to"),
                Arguments.of("delay-close.sweep.batch-size=0", "delay-close.sweep.batch-size",
                        "must be greater than or equal to 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValueFailsStartUpNamingThePropertyAndTheRule(String setting, String property, String rule) {
        runner.withPropertyValues(setting.split(";")).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis).as("Boot's failure analysis of %s", setting).isNotNull();
            // Boot names a constructor-bound property in its camel-case form (delay-close.retry.maxAttempts).
            assertThat(relaxed(analysis.getDescription())).contains(relaxed(property));
            assertThat(analysis.getDescription()).contains(rule);
        });
    }

    private static String relaxed(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace("-", "");
    }

    /** What Boot prints when start-up fails: the first analysis any registered analyzer makes. */
    private static FailureAnalysis analyze(Throwable failure) {
        return SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
                        SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> { }))
                .stream().map(analyzer -> analyzer.analyze(failure)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    @Test
    void defaultsAreValidAndStatedOnce() {
        runner.run(context -> {
            DelayCloseProperties properties = context.getBean(DelayCloseProperties.class);
            assertThat(properties.enabled()).isTrue();
            assertThat(properties.timeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(properties.queues().type()).isEqualTo(QueueType.QUORUM);
            assertThat(properties.queues().layout()).isEqualTo(io.github.delayclose.core.topology.DelayLayout.LEVELS);
            assertThat(properties.publish().budget()).isEqualTo(Duration.ofSeconds(60));
            assertThat(properties.queues().delay()).isEqualTo("queue.ordercreate");
            assertThat(properties.queues().deadLetterExchange()).isEqualTo("exchange.ordertimeout");
            assertThat(properties.queues().timeout()).isEqualTo("queue.ordertimeout");
            assertThat(properties.queues().parking()).isEqualTo("queue.ordertimeout.parking");
            assertThat(properties.retry().toBackoff().distinctDelays()).isNotEmpty();
            assertThat(properties.sweep().interval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.sweep().grace()).isEqualTo(Duration.ofSeconds(30));
        });
    }

    @Test
    void relaxedNamesBind() {
        runner.withPropertyValues("delayClose.timeout=45m", "delay-close.retry.maxAttempts=4",
                "delay-close.queues.dead_letter_exchange=x.dlx").run(context -> {
                    DelayCloseProperties properties = context.getBean(DelayCloseProperties.class);
                    assertThat(properties.timeout()).isEqualTo(Duration.ofMinutes(45));
                    assertThat(properties.retry().maxAttempts()).isEqualTo(4);
                    assertThat(properties.queues().deadLetterExchange()).isEqualTo("x.dlx");
                });
    }
}
