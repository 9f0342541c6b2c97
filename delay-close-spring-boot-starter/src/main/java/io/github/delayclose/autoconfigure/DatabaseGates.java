package io.github.delayclose.autoconfigure;

import java.sql.SQLException;

import javax.sql.DataSource;

import io.github.delayclose.core.close.DatabaseGate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Sizes the {@link DatabaseGate} so that the window of closes never waits on the connection pool:
 * {@code delay-close.listener.database-concurrency} when set, else HikariCP's maximum pool size.
 */
final class DatabaseGates {

    private static final Log log = LogFactory.getLog(DatabaseGates.class);

    private static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

    private DatabaseGates() {
    }

    static DatabaseGate sized(DelayCloseProperties.Listener listener, @Nullable DataSource dataSource) {
        if (listener.databaseConcurrency() > 0) {
            return new DatabaseGate(listener.databaseConcurrency());
        }
        Integer poolSize = hikariPoolSize(dataSource);
        if (poolSize != null) {
            return new DatabaseGate(poolSize);
        }
        if (dataSource != null) {
            log.info("delay-close cannot read the size of the DataSource's connection pool; up to "
                    + listener.window() + " closes (delay-close.listener.window) may ask it for a connection at once. "
                    + "Set delay-close.listener.database-concurrency to the pool's size to make them wait in order.");
        }
        return DatabaseGate.unbounded();
    }

    private static @Nullable Integer hikariPoolSize(@Nullable DataSource dataSource) {
        if (dataSource == null || !ClassUtils.isPresent(HIKARI, DatabaseGates.class.getClassLoader())) {
            return null;
        }
        try {
            if (dataSource.isWrapperFor(com.zaxxer.hikari.HikariDataSource.class)) {
                return dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getMaximumPoolSize();
            }
        }
        catch (SQLException ex) {
            // Not a pool we can read; fall through.
        }
        return null;
    }
}
