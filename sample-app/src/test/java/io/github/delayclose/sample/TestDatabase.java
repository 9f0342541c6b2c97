package io.github.delayclose.sample;

import java.util.UUID;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database of one test context's own, so that no other context, test run or build on the same
 * MariaDB sees its orders, stock or late payments (and no other run's sweep closes its orders). Its
 * name is new for every run; it is dropped when the context closes, after its listener and sweep
 * stopped.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabase {

    private static final String PREFIX = "delay_close_sample_";

    /** A new database name; call once per context and keep it in a static field. */
    static String newName() {
        return PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Bean
    DisposableBean dropTestDatabase(JdbcClient jdbc) {
        return () -> {
            String database = jdbc.sql("SELECT DATABASE()").query(String.class).single();
            // Never anything but a database made by newName().
            if (database != null && database.matches(PREFIX + "[0-9a-f]{12}")) {
                jdbc.sql("DROP DATABASE `" + database + "`").update();
            }
        };
    }
}
