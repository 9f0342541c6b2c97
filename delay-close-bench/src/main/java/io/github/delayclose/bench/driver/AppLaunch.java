package io.github.delayclose.bench.driver;

import java.nio.file.Path;
import java.util.Map;

import io.github.delayclose.bench.app.AppMode;

/**
 * How to start one application under test.
 *
 * @param properties Spring properties, passed as {@code --key=value} arguments
 * @param heap the child JVM's {@code -Xmx}, e.g. {@code 1g}
 * @param logFile where its standard output and error go
 */
public record AppLaunch(AppMode mode, Map<String, String> properties, String heap, Path logFile) {

    public AppLaunch {
        properties = Map.copyOf(properties);
    }
}
