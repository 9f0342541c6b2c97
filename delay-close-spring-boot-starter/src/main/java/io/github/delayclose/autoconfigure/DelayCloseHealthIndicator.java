package io.github.delayclose.autoconfigure;

import java.util.Properties;

import io.github.delayclose.core.topology.DelayTopology;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health/delayClose}: DOWN when the timeout listener is not running (orders would
 * stay open past their window), with the depth of the delay, timeout and parking queues as
 * details. A growing parking queue is worth an alert of its own; it does not make the service down.
 */
class DelayCloseHealthIndicator extends AbstractHealthIndicator {

    private final AbstractMessageListenerContainer listener;
    private final RabbitAdmin admin;
    private final DelayTopology topology;

    DelayCloseHealthIndicator(AbstractMessageListenerContainer listener, RabbitAdmin admin, DelayTopology topology) {
        super("delay-close health check failed");
        this.listener = listener;
        this.admin = admin;
        this.topology = topology;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.status(listener.isRunning() ? org.springframework.boot.health.contributor.Status.UP
                : org.springframework.boot.health.contributor.Status.DOWN);
        builder.withDetail("listener", listener.isRunning() ? "running" : "stopped");
        builder.withDetail("delayQueueMessages", depth(topology.delayQueue()));
        builder.withDetail("timeoutQueueMessages", depth(topology.timeoutQueue()));
        builder.withDetail("parkedMessages", depth(topology.parkingQueue()));
    }

    private Object depth(String queue) {
        Properties properties = admin.getQueueProperties(queue);
        return properties == null ? "missing" : properties.get(RabbitAdmin.QUEUE_MESSAGE_COUNT);
    }
}
