package io.github.delayclose.bench.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuAccountTest {

    @Test
    void addsUserAndSystemTicksEvenWhenTheCommandHoldsSpacesAndParentheses() {
        String stat = "4242 (my (odd) cmd) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 56 0 0 20 0 30 0 100 0 0";
        assertThat(CpuAccount.parse(stat)).isEqualTo(1234 + 56);
    }

    @Test
    void countsTheCpuThisProcessSpendsPerClose() {
        CpuAccount account = CpuAccount.start(Map.of("driver", ProcessHandle.current().pid(), "gone", 0L));
        // Spins until this thread has had 300 ms of CPU, however busy the machine: wall time would give
        // it less than the 100 ms asserted below when other processes share the cores.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long spinUntilCpu = threads.getCurrentThreadCpuTime() + 300_000_000L;
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() < spinUntilCpu) {
            sink += System.nanoTime() % 7;
        }
        Map<String, Double> perClose = account.perClose(100);
        assertThat(sink).isPositive();
        assertThat(perClose).containsOnlyKeys("driver", "total");
        assertThat(perClose.get("driver")).isGreaterThan(1.0).isEqualTo(perClose.get("total"));
        ResultLine line = ResultLine.of("test");
        CpuAccount.report(perClose, line, "baseline_");
        assertThat(line.get("baseline_cpu_ms_per_close_driver")).isEqualTo(line.get("baseline_cpu_ms_per_close_total"));
    }
}
