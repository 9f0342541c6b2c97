package io.github.delayclose.defaults.jdbc;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work that issues several statements, so that they commit or roll back together.
 *
 * <p>Inside the caller's Spring-managed transaction the work simply runs: {@code JdbcTemplate} then
 * uses that transaction's connection (bound by {@code DataSourceTransactionManager}, or exposed by
 * {@code JpaTransactionManager} for the same {@code DataSource}), so it commits with the caller's
 * other changes. Without one, for example when a host calls the repository directly, the work gets
 * a short local transaction of its own instead of running statement by statement in auto-commit,
 * where a failure between two statements would leave half a change behind.
 */
final class CurrentOrLocalTransaction {

    private final TransactionOperations local;

    CurrentOrLocalTransaction(DataSource dataSource) {
        this.local = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    <T> T run(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        return local.execute(status -> work.get());
    }
}
