package io.github.delayclose.sample.ops;

import java.util.concurrent.TimeUnit;

import io.github.delayclose.core.listen.TimeoutListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads how delay-close is doing from its meters, as a dashboard would: closes in flight and the
 * lateness of closed orders (p50 and p99, computed in the shop because application.yml asks
 * Micrometer for those percentiles of {@code delay.close.lateness}).
 */
@Component
class ClosingStats {

    private final MeterRegistry meters;

    private final TimeoutListener listener;

    ClosingStats(MeterRegistry meters, TimeoutListener listener) {
        this.meters = meters;
        this.listener = listener;
    }

    int closesInFlight() {
        return listener.inFlight();
    }

    Lateness lateness() {
        Timer timer = meters.find("delay.close.lateness").tag("outcome", "CLOSED").timer();
        if (timer == null) {
            return new Lateness(0, null, null, null);
        }
        HistogramSnapshot snapshot = timer.takeSnapshot();
        return new Lateness(snapshot.count(), percentile(snapshot, 0.5), percentile(snapshot, 0.99),
                snapshot.count() == 0 ? null : (long) snapshot.max(TimeUnit.MILLISECONDS));
    }

    private static @Nullable Long percentile(HistogramSnapshot snapshot, double percentile) {
        if (snapshot.count() == 0) {
            return null;
        }
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            if (value.percentile() == percentile) {
                return (long) value.value(TimeUnit.MILLISECONDS);
            }
        }
        return null;
    }

    /**
     * How late closed orders closed, over the recent past (Micrometer's percentiles decay).
     *
     * @param closes orders closed since start-up
     * @param p50Ms the median lateness, in milliseconds
     * @param p99Ms the 99th percentile
     * @param maxMs the latest close's worst, over the recent past
     */
    record Lateness(long closes, @Nullable Long p50Ms, @Nullable Long p99Ms, @Nullable Long maxMs) {
    }
}
