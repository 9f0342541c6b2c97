package io.github.delayclose.bench.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Talks to the application's control endpoint (see {@code ControlServer}). */
public final class AppClient {

    private static final int SCHEDULE_BATCH = 5000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    AppClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Schedules the orders' timeouts the way the application does it (delay-close's
     * {@code OrderTimeoutScheduler}, or the tutorial's {@code convertAndSend}).
     *
     * @return how many could not be scheduled
     */
    public int schedule(List<String> orderIds) {
        return scheduleLines(orderIds);
    }

    /**
     * Schedules each order with its own deadline ({@code OrderTimeoutScheduler.schedule(id, Instant)}).
     *
     * @param deadlines epoch milliseconds by order id
     * @return how many could not be scheduled
     */
    public int scheduleUntil(Map<String, Long> deadlines) {
        List<String> lines = new ArrayList<>(deadlines.size());
        deadlines.forEach((orderId, deadline) -> lines.add(orderId + " " + deadline));
        return scheduleLines(lines);
    }

    /**
     * @throws IllegalStateException when the application refused every order of a part: a setting,
     *     not the broker, is wrong, and waiting for those orders to close would only stall the run
     */
    private int scheduleLines(List<String> lines) {
        int failed = 0;
        // In parts, so a million orders never make one giant request.
        for (int from = 0; from < lines.size(); from += SCHEDULE_BATCH) {
            List<String> part = lines.subList(from, Math.min(lines.size(), from + SCHEDULE_BATCH));
            Map<String, String> answer = call("schedule", String.join("\n", part));
            int partFailed = Integer.parseInt(answer.get("failed"));
            if (partFailed == part.size()) {
                throw new IllegalStateException("the application refused to schedule all " + part.size()
                        + " orders: " + answer.getOrDefault("first_error", ""));
            }
            failed += partFailed;
        }
        return failed;
    }

    /** Starts the timeout listener; returns the epoch millisecond just before it started. */
    public long startListener() {
        return Long.parseLong(call("start", "").get("started_at_ms"));
    }

    /** Stops the timeout listener once the closes in flight are done and acknowledged. */
    public void stopListener() {
        call("stop", "");
    }

    /**
     * Hands a payment notification (WeChat Pay's signed XML) to the application, as its notify
     * endpoint would receive it: it is verified and recorded with delay-close's {@code PaymentRecorder}.
     *
     * @return the {@code PaymentRecordResult}, e.g. {@code RECORDED} or {@code LATE}
     * @throws IllegalStateException when it was not recorded (WeChat Pay would send it again)
     */
    public String notifyPayment(String xml) {
        return call("notify", xml).get("result");
    }

    /** Heap in use right after full garbage collections, in bytes. */
    public long heapUsedAfterGc() {
        return Long.parseLong(call("heap", "").get("heap_used_bytes"));
    }

    /** The queues and exchanges the application knows it declared: {@code queue} and {@code exchange} lists. */
    public Declared declared() {
        List<String> queues = new ArrayList<>();
        List<String> exchanges = new ArrayList<>();
        for (String line : send("declared", "").split("\n")) {
            if (line.startsWith("queue ")) {
                queues.add(line.substring("queue ".length()));
            }
            else if (line.startsWith("exchange ")) {
                exchanges.add(line.substring("exchange ".length()));
            }
        }
        return new Declared(queues, exchanges);
    }

    private Map<String, String> call(String command, String body) {
        Map<String, String> answer = new HashMap<>();
        for (String line : send(command, body).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                answer.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return answer;
    }

    private String send(String command, String body) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(command)).timeout(Duration.ofMinutes(15))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("application answered " + response.statusCode() + " to " + command
                        + ": " + response.body());
            }
            return response.body();
        }
        catch (IOException ex) {
            throw new IllegalStateException("application did not answer " + command + ": " + ex.getMessage(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + command, ex);
        }
    }

    public record Declared(List<String> queues, List<String> exchanges) {
    }
}
