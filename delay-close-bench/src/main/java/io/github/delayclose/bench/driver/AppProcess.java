package io.github.delayclose.bench.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.app.BenchApplication;
import io.github.delayclose.bench.app.ControlServer;

/**
 * The application under test in a JVM of its own. A separate process keeps the driver's load
 * generation, database checks and the provider simulator off the measured JVM's threads and heap,
 * so its heap figure is its own, and it can be stopped like a real deployment.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final AppClient client;
    private final Path logFile;

    private AppProcess(Process process, AppClient client, Path logFile) {
        this.process = process;
        this.client = client;
        this.logFile = logFile;
    }

    /** Starts the application on the driver's own class path and waits until it is ready. */
    public static AppProcess start(AppLaunch launch, Duration readyTimeout) {
        try {
            Path controlFile = Files.createTempFile("delay-close-bench-", ".control");
            Files.delete(controlFile);
            Files.createDirectories(launch.logFile().toAbsolutePath().getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms" + launch.heap(), "-Xmx" + launch.heap(), "-XX:+UseG1GC",
                    "-cp", System.getProperty("java.class.path"), BenchApplication.class.getName(),
                    "--" + AppMode.PROPERTY + "=" + launch.mode().value(),
                    "--" + ControlServer.CONTROL_FILE_PROPERTY + "=" + controlFile));
            launch.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(launch.logFile().toFile()).start();
            int port = awaitPort(process, controlFile, readyTimeout, launch.logFile());
            Files.deleteIfExists(controlFile);
            return new AppProcess(process, new AppClient(port), launch.logFile());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start the application under test", ex);
        }
    }

    private static int awaitPort(Process process, Path controlFile, Duration timeout, Path logFile) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(controlFile)) {
                return Integer.parseInt(Files.readString(controlFile).strip());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the application under test exited with " + process.exitValue()
                        + " before it was ready; see " + logFile);
            }
            Pause.of(Duration.ofMillis(200));
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application under test was not ready within " + timeout + "; see " + logFile);
    }

    public AppClient client() {
        return client;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** Stops it as a deployment would (SIGTERM, Spring's graceful shutdown), forcibly after 30 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
