package io.github.delayclose.sample;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;

/**
 * The demo shop on containers, for machines with Docker: RabbitMQ and MySQL started by Testcontainers
 * ({@link DemoContainers}) and connected through {@code @ServiceConnection}, nothing to install.
 * Run it from the repository root after {@code ./mvnw -B -q install -DskipTests}:
 *
 * <pre>
 * ./mvnw -B -pl sample-app spring-boot:test-run
 * </pre>
 *
 * <p>The containers replace {@code compose.yaml}'s services, so Docker Compose support is off here.
 * No test runs this class: the build's tests use {@code TestServices}, which also works without Docker.
 */
public final class TestSampleShopApplication {

    private TestSampleShopApplication() {
    }

    public static void main(String[] args) {
        String[] withoutCompose = Arrays.copyOf(args, args.length + 1);
        withoutCompose[args.length] = "--spring.docker.compose.enabled=false";
        SpringApplication.from(SampleShopApplication::main).with(DemoContainers.class).run(withoutCompose);
    }
}
