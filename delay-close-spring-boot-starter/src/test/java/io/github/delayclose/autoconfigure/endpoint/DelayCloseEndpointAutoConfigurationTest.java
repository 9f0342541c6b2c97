package io.github.delayclose.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.autoconfigure.BrokerlessContextRunner;
import io.github.delayclose.core.parked.CloseAttemptStateMissingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The {@code delayclose} endpoint follows Boot's exposure rules, needs Actuator, and without
 * close-attempt state answers every write with what to add.
 */
class DelayCloseEndpointAutoConfigurationTest {

    private final ApplicationContextRunner runner = BrokerlessContextRunner.create()
            .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                    DelayCloseEndpointAutoConfiguration.class));

    @Test
    void notThereUntilExposed() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DelayCloseEndpoint.class));
    }

    @Test
    void thereWhenExposedOnTheWeb() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=delayclose")
                .run(context -> assertThat(context).hasSingleBean(DelayCloseEndpoint.class));
    }

    @Test
    void offWhenItsAccessIsNone() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=delayclose",
                "management.endpoint.delayclose.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(DelayCloseEndpoint.class));
    }

    @Test
    void absentWithoutActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=delayclose")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DelayCloseEndpoint.class));
    }

    @Test
    void withoutCloseAttemptStateWritesSayThatReplayNeedsOne() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=delayclose").run(context -> {
            DelayCloseEndpoint endpoint = context.getBean(DelayCloseEndpoint.class);

            var replay = endpoint.act("replay", "o1", null);
            var discard = endpoint.act("discard", "o1", "refunded by hand");
            var overview = endpoint.overview(null, null, null);

            assertThat(replay.getStatus()).isEqualTo(409);
            assertThat(replay.getBody().message()).isEqualTo(CloseAttemptStateMissingException.MESSAGE)
                    .contains("CloseAttemptStore", "delay-close-jdbc");
            assertThat(discard.getStatus()).isEqualTo(409);
            assertThat(overview.getStatus()).isEqualTo(200);
            assertThat(overview.getBody().summary().closeAttemptState()).isFalse();
            assertThat(overview.getBody().parked()).isNull();
            assertThat(overview.getBody().message()).contains("CloseAttemptStore");
        });
    }

    @Test
    void malformedWritesAreRefusedWithWhatToSend() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=delayclose")
                .withBean(io.github.delayclose.test.doubles.InMemoryCloseAttemptStore.class)
                .run(context -> {
                    DelayCloseEndpoint endpoint = context.getBean(DelayCloseEndpoint.class);

                    assertThat(endpoint.act("restart", "o1", null).getStatus()).isEqualTo(400);
                    assertThat(endpoint.act("replay", null, null).getBody().message()).contains("orderId", "reason");
                    assertThat(endpoint.act("replay", null, "NO_SUCH_REASON").getBody().message())
                            .contains("unknown reason", "PROVIDER_ERROR");
                    assertThat(endpoint.act("discard", "o1", null).getStatus()).isEqualTo(400);
                    assertThat(endpoint.act("discard", "o1", " ").getBody().message()).contains("say why");
                    assertThat(endpoint.act("replay", "not-parked", null).getStatus()).isEqualTo(404);
                    assertThat(endpoint.overview(null, null, 0).getStatus()).isEqualTo(400);
                });
    }
}
