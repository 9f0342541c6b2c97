package io.github.delayclose.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs the safety-net sweep on its own thread at a fixed delay, so that the host application
 * needs no {@code @EnableScheduling} and a slow sweep never overlaps itself.
 */
public class PeriodicSweep implements SmartLifecycle {

    private static final Log log = LogFactory.getLog(PeriodicSweep.class);

    private final OverdueOrderSweeper sweeper;
    private final Duration interval;
    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private volatile @Nullable ScheduledFuture<?> task;

    public PeriodicSweep(OverdueOrderSweeper sweeper, Duration interval) {
        this.sweeper = sweeper;
        this.interval = interval;
        scheduler.setThreadNamePrefix("delay-close-sweep-");
        scheduler.setPoolSize(1);
        scheduler.setDaemon(true);
    }

    @Override
    public void start() {
        scheduler.initialize();
        task = scheduler.scheduleWithFixedDelay(this::sweepOnce, java.time.Instant.now().plus(interval), interval);
    }

    private void sweepOnce() {
        try {
            sweeper.sweep();
        }
        catch (RuntimeException ex) {
            // Keep the schedule alive: the next sweep may well succeed (database or broker back).
            log.error("Safety-net sweep failed; trying again in " + interval, ex);
        }
    }

    @Override
    public void stop() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
        scheduler.shutdown();
        task = null;
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
