package io.github.delayclose.bench.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A RabbitMQ cluster of its own, started from the installed {@code rabbitmq-server}: its own node
 * names, ports, Erlang cookie and data directories, so it never touches a broker already running on
 * the machine (the one on 5672 and its data). Nodes can be killed (SIGKILL, as a crashed machine)
 * and started again; {@link #close()} stops them all and removes their data.
 */
public final class RabbitCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path logs;
    private final Path sbin;
    private final List<Node> nodes;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    private RabbitCluster(Path home, Path logs, Path sbin, List<Node> nodes) {
        this.home = home;
        this.logs = logs;
        this.sbin = sbin;
        this.nodes = nodes;
    }

    /**
     * Prepares {@code size} nodes named {@code PREFIX-1@localhost} ...: folders, configuration and
     * cookie. Register {@link #close()} for teardown, then {@link #start()}: a run interrupted while
     * the nodes start still stops them.
     *
     * @param sbin the folder with {@code rabbitmq-server} and {@code rabbitmqctl} (the scripts
     *     themselves, not a distribution's wrapper that switches to the {@code rabbitmq} user)
     * @param home where the nodes' data, logs, configuration and cookie go
     * @param logs where the nodes' logs are copied when the cluster stops
     */
    public static RabbitCluster create(Path sbin, Path home, String prefix, int size, Path logs) {
        try {
            Files.createDirectories(home);
            Path cookie = home.resolve(".erlang.cookie");
            Files.writeString(cookie, UUID.randomUUID().toString().replace("-", "").toUpperCase(),
                    StandardCharsets.US_ASCII);
            Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("r--------"));
            // No plugins: a management listener on 15672 would clash with the machine's own broker.
            Files.writeString(home.resolve("enabled_plugins"), "[].\n");
            // Read instead of /etc/rabbitmq/rabbitmq-env.conf, whose node name is the machine broker's.
            Files.writeString(home.resolve("rabbitmq-env.conf"), "");
            List<Node> nodes = new ArrayList<>();
            for (int i = 1; i <= size; i++) {
                Node node = new Node(prefix + "-" + i + "@localhost", freePort(), freePort(), home.resolve("node" + i));
                Files.createDirectories(node.dir());
                // Queue leaders spread over the nodes, so that killing one node does not take every queue.
                Files.writeString(node.dir().resolve("rabbitmq.conf"), """
                        listeners.tcp.local = 127.0.0.1:%d
                        queue_leader_locator = balanced
                        """.formatted(node.amqpPort()));
                nodes.add(node);
            }
            return new RabbitCluster(home, logs, sbin, List.copyOf(nodes));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not prepare the cluster's folder " + home, ex);
        }
    }

    /** Starts every node and joins the others to the first; returns once they all run. */
    public void start() {
        for (Node node : nodes) {
            launch(node);
        }
        for (Node node : nodes) {
            awaitRunning(node);
        }
        for (Node node : nodes.subList(1, nodes.size())) {
            ctl(node, "stop_app");
            ctl(node, "join_cluster", nodes.get(0).name());
            ctl(node, "start_app");
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Every node, for {@code spring.rabbitmq.addresses}. */
    public RabbitServer server() {
        return new RabbitServer(nodes.stream().map(node -> "127.0.0.1:" + node.amqpPort())
                .collect(Collectors.joining(",")), "guest", "guest");
    }

    public Node node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name + " in this cluster"));
    }

    /** The operating system's id of the node's Erlang VM. */
    public long pid(Node node) {
        return Long.parseLong(ctl(node, "eval", "os:getpid().").strip().replace("\"", ""));
    }

    /** Kills the node's Erlang VM with SIGKILL: no goodbye to its peers or clients. */
    public void kill(Node node) {
        long pid = pid(node);
        ProcessHandle.of(pid).ifPresent(vm -> {
            vm.destroyForcibly();
            vm.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
        Process script = processes.remove(node.name());
        if (script != null) {
            script.destroyForcibly();
        }
    }

    /** Starts a stopped node again on its data; it rejoins the cluster. Returns once it runs. */
    public void restart(Node node) {
        launch(node);
        awaitRunning(node);
    }

    /**
     * The queues of the cluster that start with {@code prefix}, with the node that leads each (the
     * quorum queue's leader, the classic queue's home) and its messages, asked of a running node.
     */
    public List<QueueState> queues(Node asking, String prefix) {
        List<QueueState> queues = new ArrayList<>();
        for (String line : ctl(asking, "list_queues", "-q", "-s", "name", "type", "leader", "pid", "messages").split("\n")) {
            String[] cells = line.split("\t");
            if (cells.length < 5 || !cells[0].startsWith(prefix)) {
                continue;
            }
            String leader = cells[1].equals("quorum") ? cells[2] : nodeOfPid(cells[3]);
            long messages = cells[4].matches("\\d+") ? Long.parseLong(cells[4]) : 0;
            queues.add(new QueueState(cells[0], leader, messages));
        }
        return queues;
    }

    /** The nodes whose connections consume from {@code queue}, asked of a running node. */
    public List<String> consumerNodes(Node asking, String queue) {
        List<String> found = new ArrayList<>();
        for (String line : ctl(asking, "list_consumers", "-q", "-s", "queue_name", "channel_pid").split("\n")) {
            String[] cells = line.split("\t");
            if (cells.length >= 2 && cells[0].equals(queue)) {
                found.add(nodeOfPid(cells[1]));
            }
        }
        return found.stream().distinct().toList();
    }

    /** {@code <rabbit@host.1.2.0>} names its node; an empty string when the text holds none. */
    static String nodeOfPid(String pid) {
        String inside = pid.replace("<", "").replace(">", "");
        int at = inside.indexOf('@');
        if (at < 0) {
            return "";
        }
        int dot = inside.indexOf('.', at);
        return dot < 0 ? inside : inside.substring(0, dot);
    }

    /** Stops every node (killing those that do not stop) and removes the cluster's folder. */
    @Override
    public void close() {
        for (Node node : nodes) {
            try {
                if (processes.containsKey(node.name())) {
                    ctl(node, "stop");
                }
            }
            catch (RuntimeException ex) {
                Progress.say("could not stop " + node.name() + " cleanly: " + ex.getMessage());
            }
        }
        for (Process script : processes.values()) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
        processes.clear();
        copyLogs();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ex) {
            Progress.say("could not remove " + home + ": " + ex.getMessage());
        }
    }

    private void copyLogs() {
        for (Node node : nodes) {
            Path target = logs.resolve(node.name().substring(0, node.name().indexOf('@')));
            try (Stream<Path> files = Files.walk(node.dir())) {
                Files.createDirectories(target);
                for (Path file : files.filter(path -> path.toString().endsWith(".log")).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            catch (IOException ex) {
                Progress.say("could not copy the logs of " + node.name() + ": " + ex.getMessage());
            }
        }
    }

    private void launch(Node node) {
        // The node's own open-file limit, as high as allowed: RabbitMQ needs a handle per queue and client.
        List<String> command = List.of("bash", "-c", "ulimit -n \"$(ulimit -Hn)\"; exec \"$0\"",
                sbin.resolve("rabbitmq-server").toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.dir().resolve("console.log").toFile()));
        environment(builder.environment(), node);
        builder.environment().put("RABBITMQ_NODE_PORT", Integer.toString(node.amqpPort()));
        builder.environment().put("RABBITMQ_DIST_PORT", Integer.toString(node.distPort()));
        builder.environment().put("RABBITMQ_CONFIG_FILE", node.dir().resolve("rabbitmq.conf").toString());
        builder.environment().put("RABBITMQ_MNESIA_BASE", node.dir().resolve("mnesia").toString());
        builder.environment().put("RABBITMQ_LOG_BASE", node.dir().resolve("log").toString());
        builder.environment().put("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}");
        try {
            processes.put(node.name(), builder.start());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not start " + node.name() + " from " + sbin, ex);
        }
    }

    private void environment(Map<String, String> env, Node node) {
        // HOME holds the cookie, for the nodes and for rabbitmqctl alike.
        env.put("HOME", home.toString());
        env.put("RABBITMQ_NODENAME", node.name());
        env.put("RABBITMQ_CONF_ENV_FILE", home.resolve("rabbitmq-env.conf").toString());
        env.put("RABBITMQ_ENABLED_PLUGINS_FILE", home.resolve("enabled_plugins").toString());
    }

    private void awaitRunning(Node node) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            Process script = processes.get(node.name());
            if (script == null || !script.isAlive()) {
                throw new IllegalStateException(node.name() + " exited while starting; see " + node.dir().resolve("console.log"));
            }
            Result result = run(node, List.of("await_startup", "--timeout", "30"));
            if (result.status() == 0) {
                return;
            }
            last = result.output();
            Pause.of(Duration.ofMillis(500));
        }
        throw new IllegalStateException(node.name() + " did not start within " + STARTUP + ": " + last);
    }

    /** Runs {@code rabbitmqctl -n NODE args}; fails unless it exits with 0. */
    public String ctl(Node node, String... args) {
        Result result = run(node, List.of(args));
        if (result.status() != 0) {
            throw new IllegalStateException("rabbitmqctl " + String.join(" ", args) + " on " + node.name() + " failed: "
                    + result.output().strip());
        }
        return result.output();
    }

    private Result run(Node node, List<String> args) {
        List<String> command = new ArrayList<>(List.of(sbin.resolve("rabbitmqctl").toString(), "-n", node.name()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment(builder.environment(), node);
        try {
            Process process = builder.start();
            // Read while it runs: a full pipe would block the command.
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process));
            if (!process.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
        }
        catch (ExecutionException | TimeoutException ex) {
            return new Result(-1, "output not readable: " + ex.getMessage());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not run rabbitmqctl from " + sbin, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static String readAll(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * @param amqpPort where clients connect
     * @param distPort where the other nodes and {@code rabbitmqctl} connect
     * @param dir its configuration, data and logs
     */
    public record Node(String name, int amqpPort, int distPort, Path dir) {
    }

    /** @param leader the node that leads the queue, empty when it is unknown (its node is down) */
    public record QueueState(String name, String leader, long messages) {
    }

    private record Result(int status, String output) {
    }
}
