package io.github.delayclose.bench.cli;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class BenchArgsTest {

    private static final Set<String> KEYS = Set.of("orders", "latency", "keep", "paid");

    private static BenchArgs parse(String... args) {
        return BenchArgs.parse(List.of(args), KEYS);
    }

    @Test
    void readsScenarioOptionsAndOverrides() {
        BenchArgs args = parse("Drain", "--orders=1_000", "--latency=35ms", "--set",
                "delay-close.listener.concurrency=32", "--set=delay-close.listener.prefetch=10");

        assertThat(args.scenario()).isEqualTo("drain");
        assertThat(args.count("orders", 20_000, 1)).isEqualTo(1000);
        assertThat(args.duration("latency", Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(35));
        assertThat(args.overrides()).containsExactly(
                entry("delay-close.listener.concurrency", "32"),
                entry("delay-close.listener.prefetch", "10"));
    }

    @Test
    void missingOptionsTakeTheirDefaults() {
        BenchArgs args = parse("steady");

        assertThat(args.count("orders", 500, 1)).isEqualTo(500);
        assertThat(args.duration("latency", Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(60));
        assertThat(args.flag("keep", false)).isFalse();
        assertThat(args.text("paid")).isEmpty();
    }

    @Test
    void aBareOptionIsASwitchThatIsOn() {
        assertThat(parse("drain", "--keep").flag("keep", false)).isTrue();
    }

    @Test
    void aDurationWithoutUnitIsMilliseconds() {
        assertThat(parse("drain", "--latency=50").duration("latency", Duration.ZERO)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void refusesWhatItCannotUnderstand() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("drain", "--ordres=5"))
                .withMessageContaining("unknown option --ordres");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("drain", "orders=5"))
                .withMessageContaining("unexpected argument");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--orders=5"))
                .withMessageContaining("scenario comes first");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("drain", "--set", "no-value"))
                .withMessageContaining("property=value");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("drain", "--set"))
                .withMessageContaining("property=value");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchArgs.parse(List.of(), KEYS))
                .withMessageContaining("no scenario");
    }

    @Test
    void refusesBadValuesNamingTheKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("drain", "--orders=many").count("orders", 1, 1))
                .withMessageContaining("--orders");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("drain", "--orders=0").count("orders", 1, 1))
                .withMessageContaining("at least 1");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("drain", "--latency=soon").duration("latency", Duration.ZERO))
                .withMessageContaining("--latency");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("drain", "--keep=maybe").flag("keep", false))
                .withMessageContaining("--keep");
    }
}
