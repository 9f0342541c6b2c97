package io.github.delayclose.autoconfigure;

import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** A shop run in a JVM of its own by {@link StartUpFailureIT}: its arguments decide how it is misconfigured. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@Import(InMemorySpiConfiguration.class)
public class MisconfiguredShop {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(MisconfiguredShop.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
    }
}
