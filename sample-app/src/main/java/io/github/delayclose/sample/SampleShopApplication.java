package io.github.delayclose.sample;

import io.github.delayclose.jdbc.autoconfigure.DelayCloseJdbcProperties;
import io.github.delayclose.wxpay.autoconfigure.DelayCloseWxPayProperties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The delay-close demo shop: orders take stock and wait for payment; delay-close closes the ones
 * left unpaid when their window ends and gives their stock back. Everything is configured in
 * {@code application.yml}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
// The starter registers these only with an api-key (wxpay) or delay-close.jdbc.enabled (jdbc); the shop
// always needs them: notification signatures, and the zone of its DATETIME columns.
@EnableConfigurationProperties({ DelayCloseWxPayProperties.class, DelayCloseJdbcProperties.class })
public class SampleShopApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleShopApplication.class, args);
    }
}
