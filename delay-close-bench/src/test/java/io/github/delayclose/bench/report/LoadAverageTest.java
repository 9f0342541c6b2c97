package io.github.delayclose.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class LoadAverageTest {

    @Test
    void takesTheOneMinuteFieldOfProcLoadavg() {
        assertThat(LoadAverage.parse("1.63 0.71 0.55 1/168 20580\n")).isEqualTo("1.63");
    }

    @Test
    void refusesSomethingElse() {
        assertThatException().isThrownBy(() -> LoadAverage.parse("busy"));
    }
}
