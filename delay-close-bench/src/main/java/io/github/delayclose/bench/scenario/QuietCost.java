package io.github.delayclose.bench.scenario;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.delayclose.bench.driver.AppProcess;
import io.github.delayclose.bench.driver.CloseClock;
import io.github.delayclose.bench.driver.RabbitCluster;
import io.github.delayclose.bench.report.CpuAccount;
import io.github.delayclose.bench.report.ResultLine;
import org.jspecify.annotations.Nullable;

/**
 * What an order costs while every node runs, before the first fault: CPU milliseconds per close of
 * the application and of the three broker nodes together (a quorum queue writes every message on
 * each of them, a classic queue on one). Measured once orders fall due, so each second of it holds
 * as many orders scheduled as closed.
 */
final class QuietCost {

    private final RabbitCluster cluster;
    private final AppProcess app;
    private final CloseClock clock;
    private volatile @Nullable CpuAccount cpu;
    private volatile int closesAtStart;
    private volatile Map<String, Double> perClose = Map.of();

    QuietCost(RabbitCluster cluster, AppProcess app, CloseClock clock) {
        this.cluster = cluster;
        this.app = app;
        this.clock = clock;
    }

    /** Starts counting. */
    void start() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("app", app.pid());
        cluster.nodes().forEach(node -> pids.put(node.name(), cluster.pid(node)));
        closesAtStart = clock.ended().count();
        cpu = CpuAccount.start(pids);
    }

    /** Takes the reading, before the first fault. */
    void stop() {
        CpuAccount started = cpu;
        if (started != null) {
            perClose = started.perClose(clock.ended().count() - closesAtStart);
        }
    }

    /** {@code quiet_cpu_ms_per_close_app} and {@code quiet_cpu_ms_per_close_brokers}, when they were read. */
    void report(ResultLine line) {
        Map<String, Double> read = perClose;
        if (read.isEmpty()) {
            return;
        }
        double brokers = read.entrySet().stream().filter(entry -> entry.getKey().contains("@"))
                .mapToDouble(Map.Entry::getValue).sum();
        line.put("quiet_cpu_ms_per_close_app", read.getOrDefault("app", 0.0));
        line.put("quiet_cpu_ms_per_close_brokers", brokers);
    }
}
