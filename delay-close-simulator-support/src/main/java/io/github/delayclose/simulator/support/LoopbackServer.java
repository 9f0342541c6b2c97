package io.github.delayclose.simulator.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on 127.0.0.1, answering every call below a path with a simulator's
 * {@link SimulatedAnswer}. There is no authentication: it listens on the loopback interface only.
 *
 * <p>Calls are handled on a cached thread pool, so answers held back by a delay wait in parallel; a
 * delayed answer waits on a latch rather than sleeping, so {@link #stop()} cuts it short.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    private static final int BACKLOG = 1024;

    private final HttpServer server;

    private final ExecutorService executor;

    private final CountDownLatch stopped = new CountDownLatch(1);

    private LoopbackServer(String name, int port, Map<String, Function<SimulatedCall, SimulatedAnswer>> routes) {
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, ex);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        routes.forEach((prefix, handler) -> server.createContext(prefix, exchange -> handle(exchange, handler)));
        server.start();
    }

    /**
     * Starts serving.
     *
     * @param name names the server's threads
     * @param port the port on 127.0.0.1, or 0 for a free one
     * @param routes for each path prefix, the simulator that answers calls below it
     */
    public static LoopbackServer start(String name, int port, Map<String, Function<SimulatedCall, SimulatedAnswer>> routes) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        return new LoopbackServer(Objects.requireNonNull(name, "name"), port, Map.copyOf(routes));
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:port}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops at once, cutting short any delayed answers. */
    public void stop() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private void handle(HttpExchange exchange, Function<SimulatedCall, SimulatedAnswer> handler) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY_BYTES + 1);
            }
            if (body.length > MAX_BODY_BYTES) {
                send(exchange, new SimulatedAnswer(413, "text/plain", Map.of(), "request body over " + MAX_BODY_BYTES
                        + " bytes", Duration.ZERO));
                return;
            }
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((headerName, values) -> {
                if (!values.isEmpty()) {
                    headers.put(headerName.toLowerCase(Locale.ROOT), values.get(0));
                }
            });
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            SimulatedAnswer answer;
            try {
                answer = handler.apply(new SimulatedCall(exchange.getRequestMethod(), path, headers,
                        new String(body, StandardCharsets.UTF_8)));
            }
            catch (IllegalArgumentException ex) {
                answer = SimulatedAnswer.json(400, Map.of(), "{\"error\":\"" + String.valueOf(ex.getMessage())
                        .replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            }
            if (!answer.delay().isZero() && awaitStop(answer.delay())) {
                return; // stopping: drop the answer, as a vanished server would
            }
            send(exchange, answer);
        }
    }

    private boolean awaitStop(Duration delay) {
        try {
            return stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void send(HttpExchange exchange, SimulatedAnswer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Splits {@code a=1&b=2} into decoded pairs; the last of repeated names wins. */
    public static Map<String, String> formFields(String form) {
        Map<String, String> fields = new HashMap<>();
        if (form.isEmpty()) {
            return fields;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return fields;
    }

    /** The query parameters of a {@link SimulatedCall#path()}. */
    public static Map<String, String> queryOf(String path) {
        int question = path.indexOf('?');
        return question < 0 ? Map.of() : formFields(path.substring(question + 1));
    }

    /** The path of a {@link SimulatedCall#path()} without its query, split at '/' and decoded. */
    public static List<String> segmentsOf(String path) {
        int question = path.indexOf('?');
        String bare = question < 0 ? path : path.substring(0, question);
        return java.util.Arrays.stream(bare.split("/")).filter(part -> !part.isEmpty()).map(LoopbackServer::decode)
                .toList();
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
