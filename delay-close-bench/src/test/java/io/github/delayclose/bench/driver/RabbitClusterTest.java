package io.github.delayclose.bench.driver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RabbitClusterTest {

    @Test
    void aProcessIdAsRabbitmqctlPrintsItNamesItsNode() {
        assertThat(RabbitCluster.nodeOfPid("<dcbench-ab12cd-2@localhost.1701504000.1234.0>"))
                .isEqualTo("dcbench-ab12cd-2@localhost");
    }

    @Test
    void aCellWithoutAProcessIdNamesNoNode() {
        assertThat(RabbitCluster.nodeOfPid("")).isEmpty();
        assertThat(RabbitCluster.nodeOfPid("down")).isEmpty();
    }
}
