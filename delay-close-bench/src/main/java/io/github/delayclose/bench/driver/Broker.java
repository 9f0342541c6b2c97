package io.github.delayclose.bench.driver;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/** The driver's own connection to the broker: queue depths, and removal of the run's queues. */
public final class Broker implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final RabbitServer server;
    private final CachingConnectionFactory connectionFactory;
    private final RabbitAdmin admin;

    public Broker(RabbitServer server) {
        this.server = server;
        this.connectionFactory = new CachingConnectionFactory();
        // With a cluster's nodes, a lost connection is opened again on the next node that answers.
        connectionFactory.setAddresses(server.addresses());
        connectionFactory.setUsername(server.user());
        connectionFactory.setPassword(server.password());
        connectionFactory.setConnectionNameStrategy(factory -> "delay-close-bench-driver");
        this.admin = new RabbitAdmin(connectionFactory);
    }

    public RabbitServer server() {
        return server;
    }

    /** Messages ready in the queue, or -1 when it does not exist. */
    public long depth(String queue) {
        QueueInformation info = admin.getQueueInfo(queue);
        return info == null ? -1 : info.getMessageCount();
    }

    /**
     * Waits until the queue holds at least {@code expected} messages, or its depth has not changed
     * for {@code stall}.
     *
     * @return the depth reached
     */
    public long awaitDepth(String queue, long expected, Duration stall) {
        return awaitDepth(List.of(queue), expected, stall);
    }

    /**
     * Waits until the queues together hold at least {@code expected} messages (a queue that does not
     * exist holds none), or their depth has not changed for {@code stall}: for orders waiting in the
     * delay levels, spread over several queues.
     *
     * @return the depth reached
     */
    public long awaitDepth(Collection<String> queues, long expected, Duration stall) {
        long depth = totalDepth(queues);
        long lastChange = System.nanoTime();
        while (depth < expected && System.nanoTime() - lastChange < stall.toNanos()) {
            Pause.of(POLL);
            long now = totalDepth(queues);
            if (now != depth) {
                depth = now;
                lastChange = System.nanoTime();
            }
        }
        return depth;
    }

    private long totalDepth(Collection<String> queues) {
        return queues.stream().mapToLong(queue -> Math.max(0, depth(queue))).sum();
    }

    /**
     * Deletes the named queues and exchanges, but only those under {@code prefix}, so a name that
     * came from elsewhere can never remove someone else's queue on a shared broker.
     */
    public void deleteUnder(String prefix, Collection<String> queues, Collection<String> exchanges) {
        queues.stream().filter(name -> name.startsWith(prefix)).forEach(admin::deleteQueue);
        exchanges.stream().filter(name -> name.startsWith(prefix)).forEach(admin::deleteExchange);
    }

    @Override
    public void close() {
        connectionFactory.destroy();
    }
}
