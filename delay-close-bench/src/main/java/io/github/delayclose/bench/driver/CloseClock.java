package io.github.delayclose.bench.driver;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When each order ended, to the millisecond.
 *
 * <p>{@code close_time} and the order log are DATETIME (whole seconds), too coarse for lateness.
 * A trigger on {@code tb_order} writes a row with {@code NOW(3)} whenever an order's status changes.
 * It runs inside the closing transaction, so a row becomes visible exactly when the close commits,
 * and it is the same one-row insert for delay-close and the baseline. The time is that of the
 * UPDATE statement; the rest of the close transaction (log row, stock) commits a few milliseconds
 * later. Driver and database run on the same machine, so their clocks agree.
 */
public final class CloseClock {

    private final JdbcTemplate jdbc;

    public CloseClock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static void install(JdbcTemplate jdbc) {
        jdbc.execute("""
                CREATE TABLE bench_order_end (
                    seq          BIGINT      NOT NULL AUTO_INCREMENT,
                    order_id     VARCHAR(64) NOT NULL,
                    order_status CHAR(1)     NOT NULL,
                    ended_ms     BIGINT      NOT NULL,
                    PRIMARY KEY (seq)
                ) ENGINE = InnoDB""");
        jdbc.execute("""
                CREATE TRIGGER bench_order_end_clock AFTER UPDATE ON tb_order FOR EACH ROW
                BEGIN
                    IF NEW.order_status <> OLD.order_status THEN
                        INSERT INTO bench_order_end (order_id, order_status, ended_ms)
                        VALUES (NEW.id, NEW.order_status, ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000));
                    END IF;
                END""");
    }

    /** Forgets every change so far, e.g. those of a warm-up batch. */
    public void reset() {
        jdbc.update("DELETE FROM bench_order_end");
    }

    /** How many status changes have committed, and the time of the latest. */
    public Ended ended() {
        return jdbc.queryForObject("SELECT COUNT(*), COALESCE(MAX(ended_ms), 0) FROM bench_order_end",
                (rs, row) -> new Ended(rs.getInt(1), rs.getLong(2)));
    }

    /** The first time each order ended (a second change would be a bug that the end-state check counts). */
    public Map<String, Long> endTimes() {
        Map<String, Long> times = new HashMap<>();
        jdbc.query("SELECT order_id, ended_ms FROM bench_order_end ORDER BY seq",
                rs -> {
                    times.putIfAbsent(rs.getString(1), rs.getLong(2));
                });
        return times;
    }

    /** @param lastMillis epoch millisecond of the latest change, 0 when none */
    public record Ended(int count, long lastMillis) {
    }
}
