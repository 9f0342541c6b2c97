package io.github.delayclose.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.autoconfigure.BrokerlessContextRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code delayClose} health contributor is on with Actuator, and off by any spelling of its switch. */
class DelayCloseHealthAutoConfigurationTest {

    private final ApplicationContextRunner runner = BrokerlessContextRunner.create();

    @Test
    void healthContributorIsOnByDefault() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(DelayCloseHealthIndicator.class)
                .hasBean("delayCloseHealthIndicator"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "management.health.delay-close.enabled=false", "management.health.delayClose.enabled=false",
            "management.health.delayclose.enabled=false" })
    void switchTurnsItOffInAnyRelaxedForm(String switchOff) {
        runner.withPropertyValues(switchOff)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DelayCloseHealthIndicator.class));
    }

    @Test
    void defaultsSwitchTurnsItOffUnlessItIsOnByName() {
        runner.withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DelayCloseHealthIndicator.class));
        runner.withPropertyValues("management.health.defaults.enabled=false", "management.health.delayClose.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(DelayCloseHealthIndicator.class));
    }
}
