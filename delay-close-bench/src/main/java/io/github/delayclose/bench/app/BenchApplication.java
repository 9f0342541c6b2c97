package io.github.delayclose.bench.app;

import java.nio.file.Path;

import io.github.delayclose.bench.app.tutorial.TutorialConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The application under test, started by the driver in a JVM of its own: a shop's Spring Boot
 * application with nothing but auto-configuration (the starter, delay-close-jdbc, delay-close-wxpay)
 * and, in the baseline mode, the tutorial's listener. The driver reaches it through
 * {@link ControlServer}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ DelayCloseConfiguration.class, TutorialConfiguration.class })
public class BenchApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE).run(args);
        ControlServer.start(context,
                Path.of(context.getEnvironment().getRequiredProperty(ControlServer.CONTROL_FILE_PROPERTY)));
    }
}
