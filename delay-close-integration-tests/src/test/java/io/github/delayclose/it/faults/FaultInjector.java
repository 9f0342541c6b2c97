package io.github.delayclose.it.faults;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.delayclose.wxpay.simulator.WxPaySimulator;

/** Turns each {@link FaultWindow} on and off at its time, against the proxies, the provider and the instances. */
final class FaultInjector implements AutoCloseable {

    /** Longer than a whole close, so closes are surely waiting on the provider when an instance is killed. */
    static final Duration SLOW = Duration.ofMillis(400);

    private final FaultProxy broker;
    private final FaultProxy database;
    private final WxPaySimulator provider;
    private final Duration latency;
    private final Duration callTimeout;
    private final Instances instances;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "fault-injector");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong killedAt = new AtomicLong();

    FaultInjector(FaultProxy broker, FaultProxy database, WxPaySimulator provider, Duration latency,
            Duration callTimeout, Instances instances) {
        this.broker = broker;
        this.database = database;
        this.provider = provider;
        this.latency = latency;
        this.callTimeout = callTimeout;
        this.instances = instances;
    }

    /** Schedules every window, counted from {@code start} (epoch millisecond). */
    void schedule(List<FaultWindow> windows, long start) {
        for (FaultWindow window : windows) {
            long middle = (window.from() + window.to()) / 2;
            at(start + window.from(), () -> begin(window.fault()));
            at(start + middle, () -> middle(window.fault()));
            at(start + window.to(), () -> end(window.fault()));
        }
    }

    /** Epoch millisecond an instance was killed, 0 if none was. */
    long killedAt() {
        return killedAt.get();
    }

    private void begin(Fault fault) {
        say(fault + " on");
        switch (fault) {
            case PROVIDER_SLOW, INSTANCE_KILLED -> provider.delayAll(SLOW);
            // Every answer in the window comes after the gateway has given up on it.
            case PROVIDER_TIMEOUTS -> provider.delayAll(callTimeout.plusMillis(500));
            case DB_CUT -> database.cut();
            case DB_BLACKHOLE -> database.blackhole();
            case BROKER_CUT -> broker.cut();
            case BROKER_BLACKHOLE -> broker.blackhole();
        }
    }

    private void middle(Fault fault) {
        switch (fault) {
            case DB_CUT -> {
                say("database connections cut again");
                database.cut();
            }
            case BROKER_CUT -> {
                say("broker connections cut again");
                broker.cut();
            }
            case INSTANCE_KILLED -> {
                killedAt.set(System.currentTimeMillis());
                say("instance killed with SIGKILL (pid " + instances.killOneAndReplace() + "); starting a new one");
            }
            default -> {
            }
        }
    }

    private void end(Fault fault) {
        say(fault + " off");
        switch (fault) {
            case PROVIDER_SLOW, PROVIDER_TIMEOUTS, INSTANCE_KILLED -> provider.delayAll(latency);
            case DB_BLACKHOLE -> database.heal();
            case BROKER_BLACKHOLE -> broker.heal();
            default -> {
            }
        }
    }

    private void at(long epochMillis, Runnable action) {
        timer.schedule(() -> {
            try {
                action.run();
            }
            catch (RuntimeException ex) {
                say("could not inject a fault: " + ex);
            }
        }, Math.max(0, epochMillis - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    }

    private static void say(String what) {
        System.err.println("faults " + LocalTime.now() + ": " + what);
    }

    /** Stops injecting and heals whatever is still broken. */
    @Override
    public void close() {
        timer.shutdownNow();
        broker.heal();
        database.heal();
        provider.delayAll(latency);
    }
}
