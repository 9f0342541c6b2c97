package io.github.delayclose.wxpay;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks a payment window against WeChat Pay's rule that {@code closeorder} may not be called
 * within five minutes of an order's creation. With a shorter window, closes at the end of the
 * window are refused and only succeed on a retry after the five minutes, so the configuration is
 * legal but probably not what was meant: worth a start-up warning, not a failure.
 */
public final class WxPayTimeoutCheck {

    /** The least time between creating an order and closing it that WeChat Pay accepts. */
    public static final Duration MINIMUM_CLOSE_DELAY = Duration.ofMinutes(5);

    private static final Log log = LogFactory.getLog(WxPayTimeoutCheck.class);

    private WxPayTimeoutCheck() {
    }

    /**
     * The warning for a payment window shorter than {@link #MINIMUM_CLOSE_DELAY}, if it is.
     *
     * @param paymentTimeout how long an order may stay unpaid before it is closed
     */
    public static Optional<String> warningFor(Duration paymentTimeout) {
        Objects.requireNonNull(paymentTimeout, "paymentTimeout");
        if (paymentTimeout.compareTo(MINIMUM_CLOSE_DELAY) >= 0) {
            return Optional.empty();
        }
        return Optional.of("The payment timeout is " + paymentTimeout + ", but WeChat Pay refuses to close an order"
                + " within " + MINIMUM_CLOSE_DELAY.toMinutes() + " minutes of its creation: closes will fail and be"
                + " retried until the order is " + MINIMUM_CLOSE_DELAY.toMinutes() + " minutes old. Use a timeout of"
                + " at least " + MINIMUM_CLOSE_DELAY + " with the WeChat Pay gateway.");
    }

    /**
     * Logs {@link #warningFor} at WARN level, if there is a warning.
     *
     * @return whether it warned
     */
    public static boolean warnIfTooShort(Duration paymentTimeout) {
        Optional<String> warning = warningFor(paymentTimeout);
        warning.ifPresent(log::warn);
        return warning.isPresent();
    }
}
