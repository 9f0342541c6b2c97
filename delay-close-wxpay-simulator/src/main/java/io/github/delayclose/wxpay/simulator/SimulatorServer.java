package io.github.delayclose.wxpay.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
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

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a {@link WxPaySimulator} over HTTP on 127.0.0.1.
 *
 * <p>WeChat Pay endpoints (POST, signed XML): {@code /pay/unifiedorder}, {@code /pay/orderquery},
 * {@code /pay/closeorder}. Point a client's base URL at {@link #baseUrl()} instead of
 * {@code https://api.mch.weixin.qq.com}.
 *
 * <p>Controls for demos and manual testing (answers are JSON):
 * <pre>
 * GET  /simulator/orders                                   all orders
 * GET  /simulator/orders/{id}                              one order
 * POST /simulator/orders/{id}?total_fee=100                create an unpaid order
 * POST /simulator/orders/{id}/pay                          pay it, without a notification
 * POST /simulator/orders/{id}/pay?notify_url=URL           pay it and notify URL
 * POST /simulator/orders/{id}/pay?notify=true              pay it and notify its unifiedorder notify_url
 * POST /simulator/orders/{id}/notify[?notify_url=URL]      (re)send the notification of a paid order
 * POST /simulator/orders/{id}/state?value=USERPAYING       force a trade state
 * POST /simulator/fail-next?code=SYSTEMERROR[&amp;count=1][&amp;order=ID]
 * POST /simulator/delay-next?millis=3000[&amp;count=1]
 * POST /simulator/bad-signature-next[?count=1]
 * POST /simulator/malformed-next[?count=1]
 * GET  /simulator/requests                                 the calls received (the last 10,000)
 * POST /simulator/record-requests?last=N                   record only the last N calls; 0 for none
 * POST /simulator/reset
 * </pre>
 * There is no authentication: bind it to the loopback interface only, which is what this class does.
 *
 * <p>Fit for load tests at thousands of calls a second: calls are handled on a cached thread pool,
 * so answers held back by a delay wait in parallel, and the simulator behind takes no global lock.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 64 * 1024;

    /** Room for a burst of new connections, as when a benchmark's clients all connect at once. */
    private static final int BACKLOG = 1024;

    private final WxPaySimulator simulator;

    private final HttpServer server;

    private final ExecutorService executor;

    // Delayed answers wait on this rather than sleeping, so stop() never waits out a long delay.
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SimulatorServer(WxPaySimulator simulator, int port) {
        this.simulator = Objects.requireNonNull(simulator, "simulator");
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, ex);
        }
        // A thread per call in progress, created as needed: a delayed answer waits on its own
        // thread, so delays (delayAll) overlap instead of queueing behind each other.
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "wxpay-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/pay/", this::handleApi);
        server.createContext("/simulator/", this::handleControl);
        server.start();
    }

    /** Starts a simulator for {@code account} on a free port. */
    public static SimulatorServer start(MerchantAccount account) {
        return start(new WxPaySimulator(account), 0);
    }

    /**
     * Starts serving {@code simulator}.
     *
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static SimulatorServer start(WxPaySimulator simulator, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        return new SimulatorServer(simulator, port);
    }

    /** The simulator behind this server: orders, faults, recorded requests. */
    public WxPaySimulator simulator() {
        return simulator;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL to use instead of {@code https://api.mch.weixin.qq.com}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Stops serving at once, cutting short any delayed answers. */
    public void stop() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- WeChat endpoints

    private void handleApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "WeChat Pay endpoints accept POST only");
                return;
            }
            String body = readBody(exchange);
            if (body == null) {
                send(exchange, 413, "text/plain", "request body over " + MAX_BODY_BYTES + " bytes");
                return;
            }
            SimulatedResponse response = simulator.handle(exchange.getRequestURI().getPath(), body);
            if (!response.delay().isZero() && awaitStop(response.delay())) {
                return; // stopping: drop the answer, as a vanished server would
            }
            send(exchange, response.status(), "text/xml; charset=UTF-8", response.body());
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

    // ---------------------------------------------------------------- controls

    private void handleControl(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            List<String> path = List.of(exchange.getRequestURI().getRawPath().substring("/simulator/".length()).split("/"));
            Map<String, String> query = query(exchange.getRequestURI());
            try {
                String json = control(method, path.stream().map(SimulatorServer::decode).toList(), query);
                if (json == null) {
                    send(exchange, 404, "application/json", Json.error("no such control: " + method + " "
                            + exchange.getRequestURI().getPath()));
                }
                else {
                    send(exchange, 200, "application/json", json);
                }
            }
            catch (IllegalArgumentException ex) {
                send(exchange, ex.getMessage() != null && ex.getMessage().startsWith("unknown order") ? 404 : 400,
                        "application/json", Json.error(ex.getMessage()));
            }
            catch (IllegalStateException | UncheckedIOException ex) {
                send(exchange, 409, "application/json", Json.error(ex.getMessage()));
            }
        }
    }

    /** Runs one control; {@code null} when there is no such control. */
    private String control(String method, List<String> path, Map<String, String> query) {
        boolean post = "POST".equals(method);
        String first = path.get(0);
        if ("orders".equals(first)) {
            if (path.size() == 1 && !post) {
                return Json.orders(simulator.orders());
            }
            String id = path.get(1);
            if (path.size() == 2) {
                if (post) {
                    return Json.order(simulator.createOrder(id, Long.parseLong(query.getOrDefault("total_fee", "1"))));
                }
                return Json.order(simulator.order(id).orElseThrow(() -> new IllegalArgumentException("unknown order " + id)));
            }
            if (path.size() == 3 && post) {
                return switch (path.get(2)) {
                    case "pay" -> pay(id, query);
                    case "notify" -> Json.delivery(sendNotification(id, query));
                    case "state" -> Json.order(simulator.setTradeState(id,
                            SimulatedTradeState.valueOf(required(query, "value").toUpperCase(Locale.ROOT))));
                    default -> null;
                };
            }
            return null;
        }
        if (!post) {
            return "requests".equals(first) && path.size() == 1 ? Json.requests(simulator.requests()) : null;
        }
        int count = Integer.parseInt(query.getOrDefault("count", "1"));
        switch (first) {
            case "fail-next" -> {
                String code = query.getOrDefault("code", "SYSTEMERROR");
                if (query.containsKey("order")) {
                    simulator.failNextFor(query.get("order"), count, code);
                }
                else {
                    simulator.failNext(count, code);
                }
            }
            case "delay-next" -> simulator.delayNext(count, Duration.ofMillis(Long.parseLong(required(query, "millis"))));
            case "bad-signature-next" -> simulator.badSignatureNext(count);
            case "malformed-next" -> simulator.malformedNext(count);
            case "record-requests" -> simulator.recordLastRequests(Integer.parseInt(required(query, "last")));
            case "reset" -> simulator.reset();
            default -> {
                return null;
            }
        }
        return Json.ok();
    }

    private String pay(String id, Map<String, String> query) {
        SimulatedOrder paid = simulator.pay(id);
        if (query.containsKey("notify_url") || "true".equals(query.get("notify"))) {
            return "{\"order\":" + Json.order(paid) + ",\"notification\":" + Json.delivery(sendNotification(id, query)) + "}";
        }
        return Json.order(paid);
    }

    private NotificationDelivery sendNotification(String id, Map<String, String> query) {
        String url = query.get("notify_url");
        return url == null ? simulator.sendNotification(id) : simulator.sendNotification(id, URI.create(url));
    }

    // ---------------------------------------------------------------- HTTP plumbing

    /** The body, or {@code null} when it is too large (rejected rather than truncated into "malformed"). */
    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                return null;
            }
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return parameters;
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("query parameter '" + name + "' is required");
        }
        return value;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
