package io.github.delayclose.sample;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order whose every close attempt fails at WeChat Pay is parked, shown as parked (not as closing)
 * with its reason in the shop's API and at /actuator/delayclose, and closes once replayed.
 */
class ParkedOrdersIT extends SampleAppIntegrationTest {

    @Test
    void aParkedOrderShowsItsReasonAndClosesOnceReplayed() {
        String sku = newSku(5, 100);
        String orderId = createOrder(sku, 2);

        assertThat(post("/api/demo/orders/" + orderId + "/fail-until-parked", "").status()).isEqualTo(200);

        eventually(() -> assertThat(order(orderId).get("parkedReason").asString()).isEqualTo("PROVIDER_ERROR"));
        assertThat(status(orderId)).isEqualTo("UNPAID");
        JsonNode listed = parkedIn(get("/api/ops").json().get("parked"), orderId);
        assertThat(listed.get("attempts").asInt()).isEqualTo(5);
        assertThat(listed.get("lastError").asString()).contains("SYSTEMERROR");
        assertThat(get("/actuator/delayclose").body()).contains(orderId, "PROVIDER_ERROR");
        assertThat(stock(sku)).as("still held by the unpaid order").isEqualTo(3);

        assertThat(post("/api/ops/parked/" + orderId + "/replay", "").status()).isEqualTo(200);

        awaitStatus(orderId, "CLOSED");
        assertThat(order(orderId).get("parkedReason").isNull()).isTrue();
        assertThat(stock(sku)).as("given back once").isEqualTo(5);
        assertThat(logRows(orderId)).containsExactly("4/0/system");
        assertThat(post("/api/ops/parked/" + orderId + "/replay", "").status()).as("not parked any more")
                .isEqualTo(404);
    }

    private static JsonNode parkedIn(JsonNode parked, String orderId) {
        for (JsonNode order : parked) {
            if (order.get("orderId").asString().equals(orderId)) {
                return order;
            }
        }
        throw new AssertionError(orderId + " is not among the parked orders " + parked);
    }
}
