package io.github.delayclose.autoconfigure;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionListener;

/**
 * Checks, on every new connection, what can be checked over AMQP about quorum queues'
 * at-least-once dead-lettering: the broker's version. RabbitMQ before 3.10 has no at-least-once
 * dead-lettering and silently dead-letters at most once, so an expired delay message can be lost
 * on its way to the timeout queue. What AMQP cannot show (a policy that overrides the overflow
 * mode or the strategy, the {@code stream_queue} feature flag turned off) is in the README; the
 * sweep's watchdog closes orders whose messages were lost either way.
 */
final class QuorumDeadLetteringCheck implements ConnectionListener {

    private static final Log log = LogFactory.getLog(QuorumDeadLetteringCheck.class);

    private static final Pattern MAJOR_MINOR = Pattern.compile("^(\\d+)\\.(\\d+)");

    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public void onCreate(Connection connection) {
        Object version = connection.getDelegate().getServerProperties().get("version");
        problem(String.valueOf(version)).ifPresent(problem -> {
            if (warned.compareAndSet(false, true)) {
                log.warn(problem);
            }
        });
    }

    /**
     * @param brokerVersion the {@code version} the broker announces, such as {@code 3.10.8}
     * @return what is wrong with quorum queues on that broker; empty when nothing is, or the version
     *     cannot be read (then there is nothing to say for certain)
     */
    static Optional<String> problem(String brokerVersion) {
        Matcher matcher = MAJOR_MINOR.matcher(brokerVersion);
        if (!matcher.find()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major > 3 || (major == 3 && minor >= 10)) {
            return Optional.empty();
        }
        return Optional.of("RabbitMQ " + brokerVersion + " dead-letters quorum queues at most once (at-least-once "
                + "dead-lettering needs RabbitMQ 3.10 or later): a delay message can be lost on its way to the "
                + "timeout queue, and only the sweep then closes its order, late. Upgrade RabbitMQ, or set "
                + "delay-close.queues.type=classic to say you accept that.");
    }
}
