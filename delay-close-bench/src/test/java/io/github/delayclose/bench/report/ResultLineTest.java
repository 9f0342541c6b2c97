package io.github.delayclose.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ResultLineTest {

    @Test
    void formatsKeysInTheOrderAddedWithTwoDecimalPlaces() {
        ResultLine line = ResultLine.of("drain").put("orders", 500).put("closes_per_s", 59.375)
                .put("ratio", 8.0).put("backlog_grew", false).put("lost", 0).put("load1", "1.63");

        assertThat(line.format()).isEqualTo(
                "RESULT scenario=drain orders=500 closes_per_s=59.38 ratio=8.00 backlog_grew=false lost=0 load1=1.63");
    }

    @Test
    void aKeyAddedAgainKeepsItsPlace() {
        ResultLine line = ResultLine.of("burst").put("lost", 3).put("load1", "0.5").put("lost", 0);

        assertThat(line.format()).isEqualTo("RESULT scenario=burst lost=0 load1=0.5");
    }

    @Test
    void valuesNeverBreakKeyValueSplitting() {
        ResultLine line = ResultLine.of("x").put("error", "no answer = timeout").put("empty", "")
                .put("ratio", Double.NaN);

        assertThat(line.format()).isEqualTo("RESULT scenario=x error=no_answer_timeout empty=- ratio=nan");
    }

    @Test
    void copiesAnotherLineUnderAPrefix() {
        ResultLine baseline = ResultLine.of("baseline").put("closes_per_s", 7.0);

        assertThat(ResultLine.of("drain").putAll("baseline_", baseline).format())
                .isEqualTo("RESULT scenario=drain baseline_closes_per_s=7.00");
    }

    @Test
    void refusesKeysThatAreNotSnakeCase() {
        assertThatIllegalArgumentException().isThrownBy(() -> ResultLine.of("x").put("closes per s", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> ResultLine.of("x").put("Lost", 1));
    }
}
