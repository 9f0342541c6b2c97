package io.github.delayclose.bench.driver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that turns {@code --provider-rate} and {@code --provider-concurrency} into
 * delay-close's provider ceilings ({@code delay-close.provider.*}), which apply to each gateway on its
 * own; {@code provider_peak_rps} shows whether the rate ceiling held.
 */
public final class ProviderCeiling {

    static final String MAX_CALLS_PER_SECOND = "delay-close.provider.max-calls-per-second";
    static final String MAX_CONCURRENT_CALLS = "delay-close.provider.max-concurrent-calls";

    private ProviderCeiling() {
    }

    public static Map<String, String> properties(Optional<String> rate, Optional<String> concurrency) {
        Map<String, String> properties = new LinkedHashMap<>();
        rate.ifPresent(value -> properties.put(MAX_CALLS_PER_SECOND, value));
        concurrency.ifPresent(value -> properties.put(MAX_CONCURRENT_CALLS, value));
        return properties;
    }
}
