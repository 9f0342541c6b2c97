package io.github.delayclose.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.wxpay.simulator.SimulatorServer;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import org.awaitility.core.ThrowingRunnable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole shop on the real broker, the real database and the built-in WeChat Pay simulator over
 * HTTP, with a 3 s payment window. Every subclass shares one application context, with queues and a
 * database of this run's own, deleted when the context closes. The simulator and its URL are set
 * here, so that WXPAY_* variables of the machine running the tests change nothing; the DATETIME
 * columns are in a zone other than the JVM's, so that any code using the JVM's zone shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "delay-close.timeout=3s",
        "delay-close.retry.max-attempts=5",
        "delay-close.retry.initial-interval=300ms",
        "delay-close.retry.multiplier=2",
        "delay-close.retry.max-interval=2s",
        "delay-close.recheck.interval=500ms",
        "delay-close.recheck.max-rechecks=40",
        "delay-close.sweep.interval=2s",
        "delay-close.sweep.grace=10s",
        "delay-close.listener.window=16",
        "management.endpoints.web.exposure.include=health,metrics,prometheus,delayclose",
        "demo.wxpay-simulator.enabled=true",
        "demo.alipay.enabled=true",
        "demo.alipay.port=0",
        "delay-close.wxpay.base-url=http://127.0.0.1:${demo.wxpay-simulator.port}" })
@Import({ TestQueueCleanup.class, TestDatabase.class })
abstract class SampleAppIntegrationTest {

    static final String PREFIX = "it.sample." + UUID.randomUUID().toString().substring(0, 8);

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String DATABASE = TestDatabase.newName();

    /** The zone of the DATETIME columns ({@code delay-close.jdbc.zone}): never the JVM's. */
    static final ZoneId DATABASE_ZONE = Stream.of("Asia/Kathmandu", "America/St_Johns").map(ZoneId::of)
            .filter(zone -> !zone.getRules().getOffset(Instant.now())
                    .equals(ZoneId.systemDefault().getRules().getOffset(Instant.now())))
            .findFirst().orElseThrow();

    private static final int SIMULATOR_PORT = freePort();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.rabbit().register(registry);
        TestServices.mariaDb(DATABASE).register(registry);
        registry.add("delay-close.jdbc.zone", DATABASE_ZONE::getId);
        registry.add("delay-close.queues.delay", () -> PREFIX + ".ordercreate");
        registry.add("delay-close.queues.dead-letter-exchange", () -> PREFIX + ".ordertimeout.dlx");
        registry.add("delay-close.queues.timeout", () -> PREFIX + ".ordertimeout");
        registry.add("delay-close.queues.parking", () -> PREFIX + ".ordertimeout.parking");
        // delay-close.wxpay.base-url follows it (see application.yml).
        registry.add("demo.wxpay-simulator.port", () -> SIMULATOR_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatorServer simulatorServer;

    WxPaySimulator simulator() {
        return simulatorServer.simulator();
    }

    URI notifyUrl() {
        return URI.create("http://127.0.0.1:" + port + "/api/wxpay/notify");
    }

    // ---------------------------------------------------------------- shop data

    /** A SKU of this test's own, so that its stock is not shared with any other test or run. */
    String newSku(int stock, long price) {
        String id = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("INSERT INTO tb_sku (id, name, price, num, sale_num) VALUES (?, ?, ?, ?, 0)")
                .params(id, "Test item " + id, price, stock).update();
        return id;
    }

    int stock(String skuId) {
        return jdbc.sql("SELECT num FROM tb_sku WHERE id = ?").param(skuId).query(Integer.class).single();
    }

    int sold(String skuId) {
        return jdbc.sql("SELECT sale_num FROM tb_sku WHERE id = ?").param(skuId).query(Integer.class).single();
    }

    long orderCount() {
        return jdbc.sql("SELECT COUNT(*) FROM tb_order").query(Long.class).single();
    }

    /** The order-log rows of an order as "order_status/pay_status/operator", oldest first. */
    List<String> logRows(String orderId) {
        return jdbc.sql("SELECT order_status, pay_status, operater FROM tb_order_log WHERE order_id = ? ORDER BY id")
                .param(orderId)
                .query((rs, row) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3))
                .list();
    }

    boolean stockRestored(String orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM tb_stock_restore WHERE order_id = ?").param(orderId).query(Long.class)
                .single() == 1;
    }

    // ---------------------------------------------------------------- the REST API

    /** Creates an order through the API: {@code createOrder(sku, 2, otherSku, 1)}. */
    String createOrder(Object... skuAndNum) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < skuAndNum.length; i += 2) {
            items.append(items.isEmpty() ? "" : ",")
                    .append("{\"skuId\":\"").append(skuAndNum[i]).append("\",\"num\":").append(skuAndNum[i + 1]).append('}');
        }
        Response created = post("/api/orders", "{\"items\":[" + items + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("UNPAID");
        return created.json().get("id").asString();
    }

    JsonNode order(String orderId) {
        Response response = get("/api/orders/" + orderId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    String status(String orderId) {
        return order(orderId).get("status").asString();
    }

    void awaitStatus(String orderId, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(status(orderId)).isEqualTo(status));
    }

    void eventually(ThrowingRunnable assertion) {
        await().atMost(PATIENCE).untilAsserted(assertion);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    Response postXml(String path, String xml) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** An HTTP answer. */
    record Response(int status, String body, String contentType) {

        JsonNode json() {
            return JsonMapper.shared().readTree(body);
        }

        /** The {@code error} message of a JSON error answer. */
        String error() {
            return json().get("error").asString();
        }
    }

    /** The fields of a WeChat-style XML reply, for assertions (test-only, trusted input). */
    static Map<String, String> xmlFields(String xml) {
        return java.util.regex.Pattern.compile("<(\\w+)><!\\[CDATA\\[(.*?)]]></\\1>").matcher(xml).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
