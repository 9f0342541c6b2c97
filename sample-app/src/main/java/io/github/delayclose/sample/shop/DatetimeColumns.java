package io.github.delayclose.sample.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import io.github.delayclose.jdbc.autoconfigure.DelayCloseJdbcProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The shop's {@code DATETIME} columns hold no zone. They are written and read in the zone the JDBC
 * {@code OrderRepository} uses ({@code delay-close.jdbc.zone}, the JVM's zone when not set): the
 * repository's sweep compares {@code create_time} with its own clock, and it writes
 * {@code pay_time} and {@code close_time}, which the shop reads back.
 */
@Component
public class DatetimeColumns {

    private final ZoneId zone;

    private final Clock clock = Clock.systemUTC();

    public DatetimeColumns(DelayCloseJdbcProperties jdbc) {
        this.zone = jdbc.zone() != null ? jdbc.zone() : ZoneId.systemDefault();
    }

    /** The zone of the columns. */
    public ZoneId zone() {
        return zone;
    }

    /** Now, in whole seconds, as a column value. */
    public LocalDateTime now() {
        return write(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** An instant as a column value. */
    public LocalDateTime write(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** A column's value as an instant; {@code null} for SQL NULL. */
    public @Nullable Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime local = rs.getObject(column, LocalDateTime.class);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    /** A {@code NOT NULL} column's value as an instant. */
    public Instant readRequired(ResultSet rs, String column) throws SQLException {
        Instant instant = read(rs, column);
        if (instant == null) {
            throw new IllegalStateException("column " + column + " is NULL");
        }
        return instant;
    }
}
