package io.github.delayclose.core.spi;

import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which order ids a payment provider accepts as its order number (WeChat Pay's {@code out_trade_no},
 * Alipay's {@code out_trade_no}). {@link io.github.delayclose.core.schedule.OrderTimeoutScheduler}
 * checks every id against its gateway's rules when the order is scheduled, so an id the provider
 * would refuse fails in the caller's code, before its transaction commits, instead of being retried
 * and parked half an hour later.
 *
 * @param pattern the whole id must match it
 * @param description the rule in words, for error messages (for example "1 to 32 letters, digits
 *     or _-|*@")
 */
public record OrderIdRules(Pattern pattern, String description) {

    /** Every id a timeout message can carry: what a gateway that states no rules of its own accepts. */
    public static final OrderIdRules ANY = of("[A-Za-z0-9][A-Za-z0-9_\\-|*@.:]{0,63}",
            "1 to 64 letters, digits or _-|*@.: starting with a letter or digit");

    public OrderIdRules {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(description, "description");
    }

    /** Rules from a regular expression the whole id must match. */
    public static OrderIdRules of(String regex, String description) {
        return new OrderIdRules(Pattern.compile(regex), description);
    }

    /** Whether the provider accepts {@code orderId}; it never accepts {@code null}. */
    public boolean accepts(@Nullable String orderId) {
        return orderId != null && pattern.matcher(orderId).matches();
    }

    /**
     * Checks an id.
     *
     * @param orderId the id to check; {@code null} is refused like any other id the rules do not accept
     * @return {@code orderId}, accepted and therefore not {@code null}
     * @throws IllegalArgumentException naming the rule the id breaks
     */
    public String requireAccepted(@Nullable String orderId) {
        if (!accepts(orderId)) {
            throw new IllegalArgumentException("the payment provider accepts order ids of " + description + ", but got "
                    + (orderId == null ? "null" : "'" + orderId + "'"));
        }
        return orderId;
    }

    /** Ids both rules accept, for an order that may be checked on either provider. */
    public OrderIdRules and(OrderIdRules other) {
        return of("(?=(?:" + pattern.pattern() + ")$)(?:" + other.pattern.pattern() + ")",
                description + ", and " + other.description);
    }
}
