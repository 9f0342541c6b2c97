package io.github.delayclose.sample;

import java.util.Collections;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests get a clear 4xx with {"error": ...} and change nothing: no order, no stock taken, no trade. */
class BadRequestsIT extends SampleAppIntegrationTest {

    private void assertRefused(String body, int status, String messagePart, String... skus) {
        long orders = orderCount();
        int trades = simulator().orders().size();
        int[] stock = new int[skus.length];
        for (int i = 0; i < skus.length; i++) {
            stock[i] = stock(skus[i]);
        }

        Response response = post("/api/orders", body);

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).contains("json");
        assertThat(response.error()).contains(messagePart);
        assertThat(orderCount()).isEqualTo(orders);
        assertThat(simulator().orders()).hasSize(trades);
        for (int i = 0; i < skus.length; i++) {
            assertThat(stock(skus[i])).as("stock of " + skus[i]).isEqualTo(stock[i]);
        }
    }

    @Test
    void unknownSku() {
        String sku = newSku(5, 100);
        assertRefused("{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":1},{\"skuId\":\"no-such-sku\",\"num\":1}]}", 400,
                "unknown SKU 'no-such-sku'", sku);
    }

    @Test
    void notEnoughStockRollsBackTheStockAlreadyTaken() {
        // The first SKU (in id order) is taken before the second one is found short: all rolled back.
        String plenty = newSku(5, 100);
        String scarce = newSku(1, 100);
        String first = plenty.compareTo(scarce) < 0 ? plenty : scarce;
        String second = first.equals(plenty) ? scarce : plenty;
        int wantedOfSecond = second.equals(scarce) ? 2 : 6;
        assertRefused("{\"items\":[{\"skuId\":\"" + first + "\",\"num\":1},{\"skuId\":\"" + second + "\",\"num\":"
                + wantedOfSecond + "}]}", 409, "not enough stock", plenty, scarce);
    }

    @Test
    void aSkuListedTwiceCountsOnce() {
        String sku = newSku(3, 100);
        assertRefused("{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":2},{\"skuId\":\"" + sku + "\",\"num\":2}]}", 409,
                "4 wanted, 3 left", sku);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -1 })
    void numMustBePositive(int num) {
        String sku = newSku(5, 100);
        assertRefused("{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":" + num + "}]}", 400, "must be at least 1", sku);
    }

    /** Jackson would truncate 1.9 to 1 (ACCEPT_FLOAT_AS_INT); the shop refuses it, and anything beyond an int. */
    @ParameterizedTest
    @ValueSource(strings = { "1.9", "1.0e0", "2147483648", "-2147483649", "1e100" })
    void numMustBeAWholeNumber(String num) {
        String sku = newSku(5, 100);
        assertRefused("{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":" + num + "}]}", 400,
                "num must be a whole number from 1 to 100", sku);
    }

    @ParameterizedTest
    @ValueSource(ints = { 101, 1_000_000, Integer.MAX_VALUE })
    void absurdQuantities(int num) {
        String sku = newSku(Integer.MAX_VALUE, 100);
        assertRefused("{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":" + num + "}]}", 400,
                "at most 100 units of SKU '" + sku + "' per order, got " + num, sku);
    }

    @Test
    void linesOfOneSkuAddUpToTheLimit() {
        String sku = newSku(1000, 100);
        assertRefused("{\"items\":[{\"skuId\":\"" + sku + "\",\"num\":60},{\"skuId\":\"" + sku + "\",\"num\":41}]}", 400,
                "at most 100 units", sku);
    }

    @Test
    void theLimitsThemselvesAreAccepted() {
        String sku = newSku(1000, 100);
        String orderId = createOrder(sku, 100);
        assertThat(order(orderId).get("totalFee").asLong()).isEqualTo(100 * 100);
    }

    @Test
    void tooManyItems() {
        String sku = newSku(100, 100);
        String items = String.join(",", Collections.nCopies(21, "{\"skuId\":\"" + sku + "\",\"num\":1}"));
        assertRefused("{\"items\":[" + items + "]}", 400, "at most 20 items per order, got 21", sku);
    }

    @Test
    void aSkuWithoutAPrice() {
        // The simulator, like WeChat Pay, takes no total_fee below 1 fen: refused before anything changes.
        String priced = newSku(5, 100);
        String free = newSku(5, 0);
        assertRefused("{\"items\":[{\"skuId\":\"" + priced + "\",\"num\":1},{\"skuId\":\"" + free + "\",\"num\":1}]}",
                409, "(" + free + ") has no price", priced, free);
    }

    @Test
    void numMissing() {
        String sku = newSku(5, 100);
        assertRefused("{\"items\":[{\"skuId\":\"" + sku + "\"}]}", 400, "must be at least 1", sku);
    }

    @Test
    void skuIdMissing() {
        assertRefused("{\"items\":[{\"num\":1}]}", 400, "needs a skuId");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"items\":[]}", "{}", "{\"items\":null}" })
    void noItems(String body) {
        assertRefused(body, 400, "at least one item");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"items\":[{\"skuId\":\"1001\",\"num\":1}", "not json", "", "{\"items\":[{\"skuId\":\"1001\",\"num\":\"many\"}]}" })
    void malformedJson(String body) {
        assertRefused(body, 400, "malformed JSON");
    }

    @Test
    void unknownOrder() {
        Response response = get("/api/orders/no-such-order");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).isEqualTo("no order no-such-order");
    }

    @Test
    void simulatorControlsForAnUnknownOrder() {
        Response response = post("/api/demo/orders/no-such-order/pay?notify=true", "");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).contains("no-such-order");
    }

    @Test
    void latePaymentControlForAnOrderThatIsNotClosed() {
        String orderId = createOrder(newSku(5, 100), 1);
        Response response = post("/api/demo/orders/" + orderId + "/late-payment", "");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.error()).contains("is UNPAID");
        awaitStatus(orderId, "CLOSED");
    }
}
