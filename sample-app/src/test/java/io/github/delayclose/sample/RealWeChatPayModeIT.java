package io.github.delayclose.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.wxpay.WxPayPaymentGateway;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.wxpay.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merchant credentials alone (here the canonical {@code delay-close.wxpay.*} properties, as a
 * {@code WXPAY_API_KEY} would give them) turn the simulator off: the shop talks to WeChat Pay itself,
 * no simulator is started, and the demo's payment controls answer 409 with a message. An explicit
 * base URL still wins over WeChat Pay's own: here a closed port on 127.0.0.1, standing for a sandbox.
 * Nothing is sent to it, since no order is created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "delay-close.wxpay.app-id=wx0000000000000001",
        "delay-close.wxpay.mch-id=1900000001",
        "delay-close.wxpay.api-key=merchant-key-0123456789abcdefghij",
        "delay-close.wxpay.base-url=" + RealWeChatPayModeIT.SANDBOX,
        "delay-close.listener.auto-startup=false",
        "delay-close.sweep.enabled=false" })
@Import({ TestQueueCleanup.class, TestDatabase.class })
@DirtiesContext
class RealWeChatPayModeIT {

    /** Port 9 (discard) on 127.0.0.1: nothing listens there. */
    static final String SANDBOX = "http://127.0.0.1:9/sandboxnew";

    private static final String PREFIX = "it.sample.real." + UUID.randomUUID().toString().substring(0, 8);

    private static final String DATABASE = TestDatabase.newName();

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
    ApplicationContext context;

    @Autowired
    PaymentGateway gateway;

    @Test
    void noSimulatorAndTheControlsAreOff() throws Exception {
        assertThat(context.getBeanNamesForType(SimulatorServer.class)).isEmpty();
        assertThat(gateway).isInstanceOf(WxPayPaymentGateway.class);
        assertThat(gateway.toString()).contains(SANDBOX).doesNotContain("merchant-key");

        HttpClient http = HttpClient.newHttpClient();
        JsonNode demo = JsonMapper.shared().readTree(http.send(HttpRequest.newBuilder(uri("/api/demo")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(demo.get("simulator").asBoolean()).isFalse();
        assertThat(demo.get("wxpayBaseUrl").asString()).isEqualTo(SANDBOX);

        for (String control : new String[] { "/api/demo/orders/1/pay?notify=true", "/api/demo/orders/1/user-paying",
                "/api/demo/wxpay/system-error" }) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(control))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(control).isEqualTo(409);
            assertThat(JsonMapper.shared().readTree(response.body()).get("error").asString())
                    .contains("simulator is off").contains("cannot be paid");
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
