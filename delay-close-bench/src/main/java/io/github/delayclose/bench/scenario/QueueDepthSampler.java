package io.github.delayclose.bench.scenario;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.delayclose.bench.driver.Broker;

/**
 * Samples a queue's depth once a second. A closer that keeps up leaves the timeout queue near
 * empty; one that falls behind lets it grow from sample to sample.
 */
final class QueueDepthSampler {

    private final List<Long> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-depth");
        thread.setDaemon(true);
        return thread;
    });

    private QueueDepthSampler() {
    }

    static QueueDepthSampler start(Broker broker, String queue) {
        QueueDepthSampler sampler = new QueueDepthSampler();
        sampler.timer.scheduleAtFixedRate(() -> {
            try {
                sampler.samples.add(Math.max(0, broker.depth(queue)));
            }
            catch (RuntimeException ex) {
                // a missed sample is no reason to fail the run
            }
        }, 0, 1, TimeUnit.SECONDS);
        return sampler;
    }

    void stop() {
        timer.shutdownNow();
    }

    long max() {
        return samples.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Whether the depth rose by more than {@code tolerance} messages over some ten seconds of samples. */
    boolean grew(long tolerance) {
        List<Long> all = List.copyOf(samples);
        for (int i = 10; i < all.size(); i++) {
            if (all.get(i) - all.get(i - 10) > tolerance) {
                return true;
            }
        }
        return false;
    }
}
