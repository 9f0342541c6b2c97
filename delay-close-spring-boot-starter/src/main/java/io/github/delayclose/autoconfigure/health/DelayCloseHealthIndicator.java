package io.github.delayclose.autoconfigure.health;

import java.util.Properties;

import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health/delayClose}: DOWN when the timeout listener should run but does not
 * (orders would stay open past their window), UNKNOWN on instances configured not to listen
 * ({@code delay-close.listener.auto-startup=false}), with the depth of the delay, timeout and parking queues as
 * details. A growing parking queue is worth an alert of its own; it does not make the service down.
 */
public class DelayCloseHealthIndicator extends AbstractHealthIndicator {

    private final AbstractMessageListenerContainer listener;
    private final RabbitAdmin admin;
    private final DelayTopology topology;

    public DelayCloseHealthIndicator(AbstractMessageListenerContainer listener, RabbitAdmin admin, DelayTopology topology) {
        super("delay-close health check failed");
        this.listener = listener;
        this.admin = admin;
        this.topology = topology;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (listener.isRunning()) {
            builder.up().withDetail("listener", "running");
        }
        else if (listener.isAutoStartup()) {
            builder.down().withDetail("listener", "stopped");
        }
        else {
            builder.unknown().withDetail("listener", "not started here (delay-close.listener.auto-startup=false)");
        }
        builder.withDetail("delayQueueMessages", depth(topology.delayQueue()));
        builder.withDetail("timeoutQueueMessages", depth(topology.timeoutQueue()));
        builder.withDetail("parkedMessages", depth(topology.parkingQueue()));
    }

    private Object depth(String queue) {
        Properties properties = admin.getQueueProperties(queue);
        return properties == null ? "missing" : properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT);
    }
}
