package io.github.delayclose.autoconfigure;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * delay-close's connection factory, whose every thread is a daemon: Spring AMQP closes channels on a
 * pool of its own, whose non-daemon threads kept the JVM alive for a minute after a failed start-up.
 */
final class DaemonThreadsConnectionFactory extends CachingConnectionFactory {

    private final ExecutorService channelCloser;

    DaemonThreadsConnectionFactory(com.rabbitmq.client.ConnectionFactory client) {
        super(client);
        CustomizableThreadFactory threads = new CustomizableThreadFactory("delay-close-channel-");
        threads.setDaemon(true);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        this.channelCloser = pool;
    }

    @Override
    protected ExecutorService getChannelsExecutor() {
        return channelCloser;
    }
}
