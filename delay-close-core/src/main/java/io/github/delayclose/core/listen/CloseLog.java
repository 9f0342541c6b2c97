package io.github.delayclose.core.listen;

import java.time.Duration;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One line per finished close, at INFO on the logger {@value #LOGGER}, in {@code key=value} form so that
 * log search can filter and aggregate it:
 * {@code order=o123 outcome=CLOSED attempts=1 duration_ms=42 lateness_ms=310}; a failed attempt adds
 * {@code reason=} and every close that is not over {@code next=} (retry, recheck, wait, park, drop).
 * Turn it off by setting that logger's level to WARN.
 */
public final class CloseLog {

    /** The logger's name. */
    public static final String LOGGER = "io.github.delayclose.closes";

    private static final Log log = LogFactory.getLog(LOGGER);

    private CloseLog() {
    }

    /** Logs the close. */
    public static void finished(FinishedClose close) {
        if (log.isInfoEnabled()) {
            log.info(line(close));
        }
    }

    /** The close's line. */
    static String line(FinishedClose close) {
        StringBuilder line = new StringBuilder("order=").append(value(close.orderId()))
                .append(" outcome=").append(close.outcomeName());
        if (close.failure() != null) {
            line.append(" reason=").append(close.failure().name());
        }
        if (close.next() != FollowUp.NONE) {
            line.append(" next=").append(close.next().name().toLowerCase(Locale.ROOT));
        }
        line.append(" attempts=").append(close.attempts()).append(" duration_ms=").append(close.duration().toMillis());
        Duration lateness = close.lateness();
        if (lateness != null) {
            line.append(" lateness_ms=").append(lateness.toMillis());
        }
        return line.toString();
    }

    /** The value as it is, or quoted when it would break the line's key=value form. */
    private static String value(String text) {
        if (!text.isEmpty() && text.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '=' || c == '\\')) {
            return text;
        }
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
