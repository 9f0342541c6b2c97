package io.github.delayclose.bench.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.wxpay.WxPayNotification;
import io.github.delayclose.wxpay.WxPayNotificationParser;
import io.github.delayclose.wxpay.autoconfigure.DelayCloseWxPayProperties;
import com.sun.net.httpserver.HttpServer;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The driver's handle on the application under test: a tiny HTTP server on 127.0.0.1 (POST, plain
 * {@code key=value} lines). Its port goes to the file named by {@value #CONTROL_FILE_PROPERTY} once
 * the application is ready.
 *
 * <pre>
 * /schedule   body: "ORDER_ID" or "ORDER_ID DEADLINE_EPOCH_MS" lines
 *                                           schedules each (with its own deadline where given); answers failed=N
 * /start                                    starts the timeout listener; answers started_at_ms=T
 * /stop                                     stops it once the closes in flight are done; answers stopped=true
 * /heap                                     full GCs, then heap_used_bytes=B
 * /declared                                 the queues and exchanges declared as beans, "queue NAME" lines
 * /notify     body: a WeChat Pay notification  verifies and records it (PaymentRecorder); answers result=R
 * </pre>
 */
public final class ControlServer {

    public static final String CONTROL_FILE_PROPERTY = "bench.control-file";

    /**
     * Orders are scheduled on this many threads: outside a transaction {@code schedule} waits for the
     * broker's confirm, and the driver hands over thousands at once.
     */
    private static final int SCHEDULING_THREADS = 16;

    /**
     * Orders with deadlines of their own are scheduled this many to a transaction: their deadlines are
     * stored, so each would otherwise cost a commit of its own, which a checkout that writes the order
     * in the same transaction does not pay.
     */
    private static final int ORDERS_PER_CHECKOUT_TRANSACTION = 50;

    /** Threads answering the driver: schedules, notifications and the rest may overlap. */
    private static final int CONTROL_THREADS = 8;

    private final ConfigurableApplicationContext context;
    private final ExecutorService scheduling = Executors.newFixedThreadPool(SCHEDULING_THREADS, daemon("bench-schedule"));

    private ControlServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static void start(ConfigurableApplicationContext context, Path controlFile) {
        ControlServer control = new ControlServer(context);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Enough threads that a schedule waiting for a stalled broker does not hold up notifications.
            server.setExecutor(Executors.newFixedThreadPool(CONTROL_THREADS, daemon("bench-control")));
            server.createContext("/schedule", exchange -> control.answer(exchange, () -> control.schedule(body(exchange))));
            server.createContext("/start", exchange -> control.answer(exchange, control::startListener));
            server.createContext("/stop", exchange -> control.answer(exchange, control::stopListener));
            server.createContext("/heap", exchange -> control.answer(exchange, ControlServer::heapAfterGc));
            server.createContext("/declared", exchange -> control.answer(exchange, control::declared));
            server.createContext("/notify", exchange -> control.answer(exchange, () -> control.notifyPayment(body(exchange))));
            server.start();
            // Written to a side file and moved in place, so the driver never reads half a port.
            Path partial = controlFile.resolveSibling(controlFile.getFileName() + ".partial");
            Files.writeString(partial, Integer.toString(server.getAddress().getPort()));
            Files.move(partial, controlFile, StandardCopyOption.ATOMIC_MOVE);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    server.stop(0);
                    control.scheduling.shutdownNow();
                }
            });
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not open the control endpoint", ex);
        }
    }

    private String schedule(String body) {
        OrderScheduling orders = context.getBean(OrderScheduling.class);
        // Each task with the number of orders it schedules, so a failed transaction counts all of its orders.
        Map<Future<?>, Integer> scheduled = new LinkedHashMap<>();
        Map<String, Instant> withDeadlines = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields[0].isEmpty()) {
                continue;
            }
            if (fields.length == 1) {
                scheduled.put(scheduling.submit(() -> orders.schedule(fields[0])), 1);
            }
            else {
                withDeadlines.put(fields[0], Instant.ofEpochMilli(Long.parseLong(fields[1])));
                if (withDeadlines.size() == ORDERS_PER_CHECKOUT_TRANSACTION) {
                    Map<String, Instant> part = Map.copyOf(withDeadlines);
                    scheduled.put(scheduling.submit(() -> orders.scheduleUntil(part)), part.size());
                    withDeadlines.clear();
                }
            }
        }
        if (!withDeadlines.isEmpty()) {
            Map<String, Instant> rest = Map.copyOf(withDeadlines);
            scheduled.put(scheduling.submit(() -> orders.scheduleUntil(rest)), rest.size());
        }
        int failed = 0;
        String firstError = "";
        for (Map.Entry<Future<?>, Integer> task : scheduled.entrySet()) {
            try {
                task.getKey().get();
            }
            catch (ExecutionException ex) {
                failed += task.getValue();
                firstError = firstError.isEmpty() ? String.valueOf(ex.getCause().getMessage()) : firstError;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", ex);
            }
        }
        return "failed=" + failed + "\nfirst_error=" + firstError.replace('\n', ' ') + "\n";
    }

    /**
     * What a shop's notify endpoint does: verify the notification, then record the payment, which
     * never revives a closed order. An exception (a database that cannot be reached) answers 500,
     * and the driver sends the notification again, as WeChat Pay would.
     */
    private String notifyPayment(String xml) {
        WxPayNotificationParser parser = new WxPayNotificationParser(
                context.getBean(DelayCloseWxPayProperties.class).toSettings());
        WxPayNotification notification = parser.parse(xml);
        Payment payment = notification.payment()
                .orElseThrow(() -> new IllegalArgumentException("not a paid notification: " + notification.orderId()));
        return "result=" + context.getBean(PaymentRecorder.class).record(notification.orderId(), payment) + "\n";
    }

    private String startListener() {
        long startedAt = System.currentTimeMillis();
        context.getBean(ListenerSwitch.class).start();
        return "started_at_ms=" + startedAt + "\n";
    }

    private String stopListener() {
        context.getBean(ListenerSwitch.class).stop();
        return "stopped=true\n";
    }

    private static String heapAfterGc() {
        // Twice: the first collection may leave objects whose finalization frees more.
        System.gc();
        System.gc();
        return "heap_used_bytes=" + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() + "\n";
    }

    private String declared() {
        TreeSet<String> lines = new TreeSet<>();
        List<Declarable> declarables = new ArrayList<>();
        context.getBeansOfType(Declarables.class).values().forEach(group -> declarables.addAll(group.getDeclarables()));
        declarables.addAll(context.getBeansOfType(Queue.class).values());
        declarables.addAll(context.getBeansOfType(Exchange.class).values());
        for (Declarable declarable : declarables) {
            if (declarable instanceof Queue queue) {
                lines.add("queue " + queue.getName());
            }
            else if (declarable instanceof Exchange exchange) {
                lines.add("exchange " + exchange.getName());
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private void answer(HttpExchange exchange, Supplier<String> command) throws IOException {
        try (exchange) {
            int status = 200;
            String text;
            try {
                text = command.get();
            }
            catch (RuntimeException ex) {
                status = 500;
                text = ex.toString();
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private static String body(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
