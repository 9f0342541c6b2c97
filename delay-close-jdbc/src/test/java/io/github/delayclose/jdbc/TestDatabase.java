package io.github.delayclose.jdbc;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.delayclose.test.services.DatabaseEndpoint;
import io.github.delayclose.test.services.TestServices;
import org.flywaydb.core.Flyway;

/**
 * The MariaDB database of this module's tests, built once per JVM: emptied, then migrated with the
 * shipped reference scripts ({@code db/delay-close/mysql}) plus the test-only custom-names schema.
 * Emptying first means every run starts from the scripts as they are now; tests still use fresh
 * ids, so they do not depend on each other's data.
 */
final class TestDatabase {

    static final String NAME = "delay_close_jdbc";

    private static DataSource dataSource;

    private TestDatabase() {
    }

    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            DatabaseEndpoint endpoint = TestServices.mariaDb(NAME);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(endpoint.jdbcUrl());
            config.setUsername(endpoint.username());
            config.setPassword(endpoint.password());
            config.setMaximumPoolSize(24);
            config.setPoolName("delay-close-jdbc-tests");
            HikariDataSource hikari = new HikariDataSource(config);
            Flyway flyway = Flyway.configure()
                    .dataSource(hikari)
                    .locations("classpath:db/delay-close/mysql", "classpath:db/delay-close-test/mysql")
                    .cleanDisabled(false)
                    .load();
            flyway.clean();
            flyway.migrate();
            dataSource = hikari;
        }
        return dataSource;
    }
}
