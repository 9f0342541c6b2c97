package io.github.delayclose.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.sample.simulator.DemoChannel;
import io.github.delayclose.test.services.TestServices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop on one gateway other than WeChat Pay v2 (v2 off with {@code delay-close.wxpay.enabled=false},
 * and made-up merchant credentials so that its simulator is off too): orders are opened, paid and
 * closed on that one. Each subclass is a context of its own, with queues and a database of its own,
 * closed after it.
 */
@TestPropertySource(properties = { "delay-close.timeout=3s", "delay-close.retry.initial-interval=300ms",
        "delay-close.sweep.interval=2s", "delay-close.sweep.grace=10s",
        "delay-close.wxpay.app-id=wx0000000000000001", "delay-close.wxpay.mch-id=1900000001",
        "delay-close.wxpay.api-key=merchant-key-0123456789abcdefghij", "delay-close.wxpay.enabled=false" })
@Import({ TestQueueCleanup.class, TestDatabase.class })
@DirtiesContext
abstract class OneGatewayShopIT {

    private static final String PREFIX = "it.sample.one." + UUID.randomUUID().toString().substring(0, 8);

    private static final String DATABASE = TestDatabase.newName();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.rabbit().register(registry);
        TestServices.mariaDb(DATABASE).register(registry);
        registry.add("delay-close.queues.delay", () -> PREFIX + ".ordercreate");
        registry.add("delay-close.queues.dead-letter-exchange", () -> PREFIX + ".ordertimeout.dlx");
        registry.add("delay-close.queues.timeout", () -> PREFIX + ".ordertimeout");
        registry.add("delay-close.queues.parking", () -> PREFIX + ".ordertimeout.parking");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentGateway gateway;

    @Autowired
    DemoChannel channel;

    /** Orders without a channel are opened, paid and closed at the one gateway. */
    void ordersArePaidAndClosedAtTheOneGateway(String expectedChannel, String closedState) throws Exception {
        JsonNode demo = json(send("GET", "/api/demo", null));
        assertThat(demo.get("channels").toString()).isEqualTo("[\"" + expectedChannel + "\"]");
        String sku = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("INSERT INTO tb_sku (id, name, price, num, sale_num) VALUES (?, 'Test item', 500, 5, 0)").param(sku)
                .update();

        String paid = createOrder(sku);
        String unpaid = createOrder(sku);
        HttpResponse<String> payment = send("POST", "/api/demo/orders/" + paid + "/channel-pay", "");
        assertThat(payment.statusCode()).as(payment.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(status(paid)).isEqualTo("PAID");
            assertThat(status(unpaid)).isEqualTo("CLOSED");
        });
        assertThat(channel.tradeState(unpaid)).isEqualTo(closedState);
        assertThat(jdbc.sql("SELECT num FROM tb_sku WHERE id = ?").param(sku).query(Integer.class).single())
                .as("the closed order's unit came back").isEqualTo(4);
    }

    private String createOrder(String sku) throws Exception {
        HttpResponse<String> created = send("POST", "/api/orders", "{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":1}]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asString();
    }

    private String status(String orderId) throws Exception {
        return json(send("GET", "/api/orders/" + orderId, null)).get("status").asString();
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }
}
