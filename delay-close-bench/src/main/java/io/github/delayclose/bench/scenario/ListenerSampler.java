package io.github.delayclose.bench.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.delayclose.bench.driver.Broker;
import io.github.delayclose.bench.driver.Progress;

/**
 * Asks the broker four times a second how many consumers the timeout queue has: the listener as
 * the broker sees it, which is what decides whether orders close. A queue that cannot be asked
 * (its node is down, the broker is unreachable) counts as one without consumers.
 */
final class ListenerSampler {

    private static final long PERIOD_MS = 250;

    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-listener");
        thread.setDaemon(true);
        return thread;
    });

    private ListenerSampler() {
    }

    static ListenerSampler start(Broker broker, String queue) {
        ListenerSampler sampler = new ListenerSampler();
        sampler.timer.scheduleWithFixedDelay(() -> {
            int consumers;
            try {
                consumers = broker.consumers(queue);
            }
            catch (RuntimeException ex) {
                consumers = -1;
            }
            sampler.samples.add(new Sample(System.currentTimeMillis(), consumers));
        }, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        return sampler;
    }

    void stop() {
        timer.shutdownNow();
    }

    /**
     * How long after {@code availableAt} (when its queue could be consumed again) the listener was
     * back, for an outage between {@code from} and {@code to}: 0 when it never lost its consumers
     * there, the time of the first sample with consumers after the last one without, minus
     * {@code availableAt}, otherwise; -1 when it never came back.
     */
    long recoveryMillis(long from, long to, long availableAt) {
        List<Sample> span = samples.stream().filter(sample -> sample.at() >= from && sample.at() <= to).toList();
        int lastDown = -1;
        for (int i = 0; i < span.size(); i++) {
            if (!span.get(i).consuming()) {
                lastDown = i;
            }
        }
        if (lastDown < 0) {
            return 0;
        }
        if (lastDown == span.size() - 1) {
            return -1;
        }
        return Math.max(0, span.get(lastDown + 1).at() - availableAt);
    }

    /** The time the listener spent without consumers between {@code from} and {@code to}. */
    long downMillis(long from, long to) {
        List<Sample> span = samples.stream().filter(sample -> sample.at() >= from && sample.at() <= to).toList();
        long down = 0;
        for (int i = 1; i < span.size(); i++) {
            if (!span.get(i - 1).consuming()) {
                down += span.get(i).at() - span.get(i - 1).at();
            }
        }
        return down;
    }

    /** Writes every sample, {@code epoch-ms consumers} a line (-1: the queue could not be asked). */
    void write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, samples.stream().map(sample -> sample.at() + " " + sample.consumers()).toList());
        }
        catch (IOException ex) {
            Progress.say("could not write " + file + ": " + ex.getMessage());
        }
    }

    private record Sample(long at, int consumers) {

        boolean consuming() {
            return consumers > 0;
        }
    }
}
