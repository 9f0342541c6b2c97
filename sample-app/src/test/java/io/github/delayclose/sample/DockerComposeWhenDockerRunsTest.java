package io.github.delayclose.sample;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** compose.yaml's services start where Docker runs; elsewhere the shop uses the services on this machine. */
class DockerComposeWhenDockerRunsTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    private final AtomicInteger dockerChecks = new AtomicInteger();

    @Test
    void withoutDockerComposeSupportIsOff() {
        postProcess(false);

        assertThat(environment.getProperty(DockerComposeWhenDockerRuns.ENABLED)).isEqualTo("false");
    }

    @Test
    void withDockerComposeSupportStaysOn() {
        postProcess(true);

        assertThat(environment.containsProperty(DockerComposeWhenDockerRuns.ENABLED)).isFalse();
    }

    @Test
    void explicitSettingWinsWithoutAskingDocker() {
        environment.getPropertySources().addFirst(new MapPropertySource("command line",
                Map.of(DockerComposeWhenDockerRuns.ENABLED, "true")));

        postProcess(false);

        assertThat(environment.getProperty(DockerComposeWhenDockerRuns.ENABLED)).isEqualTo("true");
        assertThat(dockerChecks).hasValue(0);
    }

    private void postProcess(boolean dockerAnswers) {
        new DockerComposeWhenDockerRuns(new DeferredLogs(), () -> {
            dockerChecks.incrementAndGet();
            return dockerAnswers;
        }).postProcessEnvironment(environment, new SpringApplication(SampleShopApplication.class));
    }
}
