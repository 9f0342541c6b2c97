package io.github.delayclose.it.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.driver.AppClient;
import io.github.delayclose.bench.driver.AppProcess;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.scenario.BenchRun;

/**
 * Two instances of the shop's application, each in a JVM of its own, on the same queues and
 * database: they compete for every order. One can be killed with SIGKILL and replaced by a new one.
 */
final class Instances {

    private final BenchRun run;
    private final BenchDatabase database;
    private final String phase;
    private final Map<String, String> properties;
    private final List<AppProcess> live = new ArrayList<>();
    private final List<AppProcess> everyOne = new ArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    // Not the common pool: on two cores it runs one task at a time, and instances start side by side.
    private final Executor launcher = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "instance-launcher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long replacementReadyAt;
    private volatile CompletableFuture<Void> replacement = CompletableFuture.completedFuture(null);

    Instances(BenchRun run, BenchDatabase database, String phase, Map<String, String> properties) {
        this.run = run;
        this.database = database;
        this.phase = phase;
        this.properties = Map.copyOf(properties);
    }

    /** Starts two instances side by side and waits until both are ready. */
    void startTwo() {
        CompletableFuture<AppProcess> first = CompletableFuture.supplyAsync(launch(), launcher);
        CompletableFuture<AppProcess> second = CompletableFuture.supplyAsync(launch(), launcher);
        add(first.join());
        add(second.join());
    }

    /** A ready instance's client, taking turns, so both schedule orders and receive notifications. */
    AppClient any() {
        synchronized (live) {
            if (live.isEmpty()) {
                throw new IllegalStateException("no instance is running");
            }
            return live.get(Math.floorMod(turn.getAndIncrement(), live.size())).client();
        }
    }

    /**
     * Kills the instance started last with SIGKILL (no graceful shutdown: its closes in flight are
     * left unacknowledged) and starts a new one in the background.
     *
     * @return the killed process's id
     */
    long killOneAndReplace() {
        AppProcess victim;
        synchronized (live) {
            victim = live.remove(live.size() - 1);
        }
        victim.kill();
        replacement = CompletableFuture.supplyAsync(launch(), launcher).thenAccept(app -> {
            replacementReadyAt = System.currentTimeMillis();
            add(app);
        });
        return victim.pid();
    }

    /**
     * Waits for a replacement started by {@link #killOneAndReplace()}, if any.
     *
     * @return the epoch millisecond it was ready, 0 if none was started
     */
    long awaitReplacement() {
        replacement.join();
        return replacementReadyAt;
    }

    /** The logs of every instance started, killed ones included. */
    List<Path> logs() {
        synchronized (live) {
            return everyOne.stream().map(AppProcess::logFile).toList();
        }
    }

    private void add(AppProcess app) {
        synchronized (live) {
            live.add(app);
            everyOne.add(app);
        }
    }

    private Supplier<AppProcess> launch() {
        String name = "instance" + started.incrementAndGet();
        return () -> run.startApp(AppMode.DELAY_CLOSE, database, phase, name, properties);
    }
}
