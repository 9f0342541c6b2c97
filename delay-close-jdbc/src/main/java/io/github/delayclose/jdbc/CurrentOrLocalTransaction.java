package io.github.delayclose.jdbc;

import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a unit of work that issues several statements, so that they commit or roll back together.
 *
 * <p>Inside the caller's Spring-managed transaction on this {@code DataSource} the work simply runs:
 * {@code JdbcClient} then uses that transaction's connection (bound by
 * {@code DataSourceTransactionManager}, or exposed by {@code JpaTransactionManager} for the same
 * {@code DataSource}), so it commits with the caller's other changes. In every other case the work
 * gets a short local transaction of its own instead of running statement by statement in
 * auto-commit, where a failure between two statements would leave half a change behind: when no
 * transaction is active (a host calls the repository directly), and also when one is active but
 * does not hold a transactional connection of this {@code DataSource} (a transaction manager of
 * another {@code DataSource}, or JTA with a non-XA pool). In the latter case a connection of this
 * {@code DataSource} may even be bound to the thread, registered by an earlier read in that
 * transaction; it is then in auto-commit and is not joined.
 */
final class CurrentOrLocalTransaction {

    private final DataSource dataSource;

    private final TransactionOperations local;

    CurrentOrLocalTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
        this.local = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    <T extends @Nullable Object> T run(Supplier<T> work) {
        if (callerTransactionHoldsOurConnection()) {
            return work.get();
        }
        return local.execute(status -> work.get());
    }

    /**
     * Whether the caller's transaction holds the connection that {@code JdbcClient} will use, that
     * is the one bound to this {@code DataSource} (looked up the way {@code DataSourceUtils} does),
     * with auto-commit off.
     */
    private boolean callerTransactionHoldsOurConnection() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !(TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder)) {
            return false;
        }
        try {
            return !holder.getConnection().getAutoCommit();
        }
        catch (SQLException ex) {
            throw new DataAccessResourceFailureException("Could not check whether the connection bound to the "
                    + "current transaction is in auto-commit", ex);
        }
    }
}
