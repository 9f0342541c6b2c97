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
import org.jspecify.annotations.Nullable;

/**
 * The application under test in a JVM of its own. A separate process keeps the driver's load
 * generation, database checks and the provider simulator off the measured JVM's threads and heap,
 * so its heap figure is its own, and it can be stopped like a real deployment.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path controlFile;
    private final Path logFile;
    private volatile @Nullable AppClient client;

    private AppProcess(Process process, Path controlFile, Path logFile) {
        this.process = process;
        this.controlFile = controlFile;
        this.logFile = logFile;
    }

    /**
     * Starts the application on the driver's own class path, without waiting for it: register its
     * {@link #close()} for teardown first, then {@link #awaitReady}, so that a run interrupted during
     * start-up still stops it.
     */
    public static AppProcess launch(AppLaunch launch) {
        try {
            Path controlFile = Files.createTempFile("delay-close-bench-", ".control");
            Files.delete(controlFile);
            Files.createDirectories(launch.logFile().toAbsolutePath().getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms" + launch.heap(), "-Xmx" + launch.heap(), "-XX:+UseG1GC"));
            // Extra options for the application under test only, e.g. a flight recording to profile it.
            String extra = System.getenv("BENCH_APP_JVM_OPTS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchApplication.class.getName(),
                    "--" + AppMode.PROPERTY + "=" + launch.mode().value(),
                    "--" + ControlServer.CONTROL_FILE_PROPERTY + "=" + controlFile));
            launch.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(launch.logFile().toFile()).start();
            return new AppProcess(process, controlFile, launch.logFile());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start the application under test", ex);
        }
    }

    /** Waits until the application has written its control port, i.e. it has started. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (Files.exists(controlFile)) {
                    int port = Integer.parseInt(Files.readString(controlFile).strip());
                    Files.deleteIfExists(controlFile);
                    client = new AppClient(port);
                    return;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application under test exited with " + process.exitValue()
                            + " before it was ready; see " + logFile);
                }
                Pause.of(Duration.ofMillis(200));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read the application's control port", ex);
        }
        throw new IllegalStateException("the application under test was not ready within " + timeout + "; see " + logFile);
    }

    public boolean isReady() {
        return client != null;
    }

    public AppClient client() {
        AppClient ready = client;
        if (ready == null) {
            throw new IllegalStateException("the application under test is not ready");
        }
        return ready;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Kills it with SIGKILL, as a crash or an out-of-memory killer would: no shutdown hook, no
     * graceful shutdown, closes in flight are left unacknowledged.
     */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
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
