package io.github.delayclose.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.delayclose.core.spi.AttemptState;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.core.spi.ParkedSummary;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link CloseAttemptStore} in MySQL 8 or MariaDB 10.6+: table {@code delay_close_attempt}
 * (reference Flyway script {@code classpath:db/delay-close/mysql/V3__close_attempts.sql}), times in
 * UTC. Inserts rely on the primary key, replacements on the version column, so instances never both
 * win the same change. Inside the caller's Spring transaction on this {@code DataSource} the
 * statements join it; outside, each commits on its own. Thread-safe.
 */
public final class JdbcCloseAttemptStore implements CloseAttemptStore {

    /** The reference table's name. */
    public static final String DEFAULT_TABLE = "delay_close_attempt";

    private static final String COLUMNS = "order_id, epoch, state, failed_attempts, rechecks, due_at, reason, "
            + "last_error, first_failure_at, last_failure_at, version";

    private final JdbcClient jdbc;
    private final String table;

    /**
     * @param table the table, optionally qualified with its database; {@value #DEFAULT_TABLE} by default
     */
    public JdbcCloseAttemptStore(DataSource dataSource, String table) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(dataSource, "dataSource"));
        this.table = SqlIdentifier.quote(SqlIdentifier.table("close-attempt table", table));
    }

    /** A store on the reference table. */
    public JdbcCloseAttemptStore(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /**
     * Checks that the table exists, so a missing one fails start-up with the way out rather than every
     * failed close later. A database that cannot be reached now is not an error here.
     *
     * @throws IllegalStateException when the table does not exist
     */
    public void verifyTable() {
        try {
            jdbc.sql("SELECT " + COLUMNS + " FROM " + table + " WHERE 1 = 0").query((row, number) -> 0).list();
        }
        catch (org.springframework.jdbc.BadSqlGrammarException ex) {
            throw new IllegalStateException("delay-close keeps close-attempt state in table " + table + ", which "
                    + "cannot be read (" + ex.getMostSpecificCause().getMessage() + "). Create it with the reference "
                    + "script classpath:db/delay-close/mysql/V3__close_attempts.sql (add that location to "
                    + "spring.flyway.locations), name another table with delay-close.jdbc.close-attempt-table, or set "
                    + "delay-close.jdbc.close-attempts=false to run without close-attempt state.", ex);
        }
        catch (org.springframework.dao.DataAccessResourceFailureException ex) {
            // The database is down at start-up; the table is read when it is back.
        }
    }

    @Override
    public Optional<CloseAttempt> find(String orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + table + " WHERE order_id = ?").param(orderId)
                .query(JdbcCloseAttemptStore::read).optional();
    }

    @Override
    public Map<String, CloseAttempt> findAll(Collection<String> orderIds) {
        Map<String, CloseAttempt> found = new LinkedHashMap<>();
        List<String> ids = List.copyOf(orderIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
            jdbc.sql("SELECT " + COLUMNS + " FROM " + table + " WHERE order_id IN (" + marks + ")")
                    .params(new ArrayList<Object>(slice)).query(JdbcCloseAttemptStore::read).list()
                    .forEach(attempt -> found.put(attempt.orderId(), attempt));
        }
        return found;
    }

    @Override
    public boolean insert(CloseAttempt attempt) {
        try {
            jdbc.sql("INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                    .params(attempt.orderId(), attempt.epoch(), attempt.state().name(), attempt.failedAttempts(),
                            attempt.rechecks(), utc(attempt.dueAt()), attempt.reason(), attempt.lastError(),
                            utc(attempt.firstFailureAt()), utc(attempt.lastFailureAt()))
                    .update();
            return true;
        }
        catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public boolean replace(CloseAttempt current, CloseAttempt next) {
        if (!current.orderId().equals(next.orderId())) {
            throw new IllegalArgumentException("a record replaces one of the same order, not " + current.orderId()
                    + " with " + next.orderId());
        }
        return jdbc.sql("UPDATE " + table + " SET epoch = ?, state = ?, failed_attempts = ?, rechecks = ?, due_at = ?, "
                + "reason = ?, last_error = ?, first_failure_at = ?, last_failure_at = ?, version = version + 1 "
                + "WHERE order_id = ? AND version = ?")
                .params(next.epoch(), next.state().name(), next.failedAttempts(), next.rechecks(), utc(next.dueAt()),
                        next.reason(), next.lastError(), utc(next.firstFailureAt()), utc(next.lastFailureAt()),
                        current.orderId(), current.version())
                .update() == 1;
    }

    @Override
    public void delete(String orderId) {
        jdbc.sql("DELETE FROM " + table + " WHERE order_id = ?").param(orderId).update();
    }

    @Override
    public List<CloseAttempt> findWaitingDueBefore(Instant dueBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM " + table + " WHERE state = ? AND due_at < ? ORDER BY due_at, order_id"
                + " LIMIT ?").params(AttemptState.WAITING.name(), utc(dueBefore), limit)
                .query(JdbcCloseAttemptStore::read).list();
    }

    @Override
    public List<CloseAttempt> findParked(@Nullable String reason, @Nullable String afterOrderId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + table + " WHERE state = ?");
        List<Object> params = new ArrayList<>(List.of(AttemptState.PARKED.name()));
        if (reason != null) {
            sql.append(" AND reason = ?");
            params.add(reason);
        }
        if (afterOrderId != null) {
            sql.append(" AND order_id > ?");
            params.add(afterOrderId);
        }
        params.add(limit);
        return jdbc.sql(sql.append(" ORDER BY order_id LIMIT ?").toString()).params(params)
                .query(JdbcCloseAttemptStore::read).list();
    }

    @Override
    public ParkedSummary summarizeParked() {
        Map<String, Long> byReason = new LinkedHashMap<>();
        Instant[] oldest = new Instant[1];
        jdbc.sql("SELECT reason, COUNT(*), MIN(due_at) FROM " + table + " WHERE state = ? GROUP BY reason")
                .param(AttemptState.PARKED.name())
                .query(row -> {
                    byReason.put(Objects.requireNonNullElse(row.getString(1), "UNKNOWN"), row.getLong(2));
                    Instant parkedAt = instant(row, 3);
                    if (parkedAt != null && (oldest[0] == null || parkedAt.isBefore(oldest[0]))) {
                        oldest[0] = parkedAt;
                    }
                });
        return new ParkedSummary(byReason, oldest[0]);
    }

    private static CloseAttempt read(ResultSet row, int number) throws SQLException {
        return new CloseAttempt(row.getString("order_id"), row.getLong("epoch"),
                AttemptState.valueOf(row.getString("state")), row.getInt("failed_attempts"), row.getInt("rechecks"),
                Objects.requireNonNull(instant(row, "due_at")), row.getString("reason"), row.getString("last_error"),
                instant(row, "first_failure_at"), instant(row, "last_failure_at"), row.getLong("version"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        return utcInstant(row.getObject(column, LocalDateTime.class));
    }

    private static @Nullable Instant instant(ResultSet row, int column) throws SQLException {
        return utcInstant(row.getObject(column, LocalDateTime.class));
    }

    private static @Nullable Instant utcInstant(@Nullable LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static @Nullable LocalDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "JdbcCloseAttemptStore[" + table + "]";
    }
}
