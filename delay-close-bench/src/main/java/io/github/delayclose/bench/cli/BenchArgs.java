package io.github.delayclose.bench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.boot.convert.DurationStyle;

/**
 * The command line of {@code bench/run}: {@code SCENARIO [--key=value ...] [--set property=value ...]}.
 *
 * <p>{@code --set} is repeatable and passes a {@code delay-close.*} (or any Spring) property to the
 * application under test; every other option is a key of the harness and must be one it knows, so a
 * typo fails at once instead of silently measuring the default.
 *
 * @param scenario the scenario name, lower case
 * @param options the harness keys, without their leading dashes
 * @param overrides the {@code --set} properties, in the order given
 */
public record BenchArgs(String scenario, Map<String, String> options, Map<String, String> overrides) {

    public BenchArgs {
        options = Map.copyOf(options);
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    }

    /**
     * Parses a command line.
     *
     * @param knownKeys the harness keys that are allowed
     * @throws IllegalArgumentException naming the first argument that cannot be understood
     */
    public static BenchArgs parse(List<String> args, Set<String> knownKeys) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no scenario given");
        }
        String scenario = args.get(0).toLowerCase(Locale.ROOT);
        if (scenario.startsWith("-")) {
            throw new IllegalArgumentException("the scenario comes first, before " + args.get(0));
        }
        Map<String, String> options = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.equals("--set")) {
                if (i + 1 >= rest.size()) {
                    throw new IllegalArgumentException("--set needs property=value");
                }
                putOverride(overrides, rest.get(++i));
            }
            else if (arg.startsWith("--set=")) {
                putOverride(overrides, arg.substring("--set=".length()));
            }
            else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String key = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                if (!knownKeys.contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key + " (bench/run --help lists them)");
                }
                // A bare --flag means true, so --keep reads like the switch it is.
                options.put(key, eq < 0 ? "true" : arg.substring(eq + 1));
            }
            else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': options look like --key=value");
            }
        }
        return new BenchArgs(scenario, options, overrides);
    }

    private static void putOverride(Map<String, String> overrides, String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set needs property=value, got '" + assignment + "'");
        }
        overrides.put(assignment.substring(0, eq), assignment.substring(eq + 1));
    }

    /** Whether the key was given. */
    public boolean has(String key) {
        return options.containsKey(key);
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(options.get(key));
    }

    public String text(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** A whole number; underscores may group digits ({@code 1_000_000}). */
    public long number(String key, long fallback) {
        return parsed(key, fallback, value -> Long.parseLong(value.replace("_", "")), "a whole number");
    }

    /** A whole number that must be at least {@code min}. */
    public int count(String key, int fallback, int min) {
        long value = number(key, fallback);
        if (value < min || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + key + " must be at least " + min + ", got " + value);
        }
        return (int) value;
    }

    public double decimal(String key, double fallback) {
        return parsed(key, fallback, Double::parseDouble, "a number");
    }

    /** A duration such as {@code 20ms}, {@code 60s}, {@code 5m} (Spring Boot's simple style; a bare number is milliseconds). */
    public Duration duration(String key, Duration fallback) {
        return parsed(key, fallback, value -> {
            Duration duration = DurationStyle.detectAndParse(value);
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return duration;
        }, "a duration like 20ms, 60s or 5m");
    }

    public boolean flag(String key, boolean fallback) {
        return parsed(key, fallback, value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(value);
        }, "true or false");
    }

    /** The option read by {@code parser}, or {@code fallback} when absent; a value it refuses names the key. */
    private <T> T parsed(String key, T fallback, Function<String, T> parser, String expected) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return parser.apply(value);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("--" + key + " must be " + expected + ", got '" + value + "'");
        }
    }
}
