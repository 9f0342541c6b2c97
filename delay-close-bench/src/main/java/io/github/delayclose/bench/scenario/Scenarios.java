package io.github.delayclose.bench.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The scenarios {@code bench/run} knows, by name. */
public final class Scenarios {

    private static final Map<String, Scenario> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("drain", new DrainScenario());
        BY_NAME.put("hotsku", new HotSkuScenario());
        BY_NAME.put("steady", new SteadyScenario());
        BY_NAME.put("burst", new BurstScenario());
        BY_NAME.put("pending", new PendingScenario());
        BY_NAME.put("baseline", new BaselineScenario());
        BY_NAME.put("rawdb", new RawDbScenario());
        BY_NAME.put("mixed", new MixedScenario());
        BY_NAME.put("failover", new FailoverScenario());
    }

    private Scenarios() {
    }

    public static Optional<Scenario> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
