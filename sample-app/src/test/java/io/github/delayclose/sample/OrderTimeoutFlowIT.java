package io.github.delayclose.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.delayclose.wxpay.simulator.SimulatedTradeState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorial's flow end to end: orders created through the REST API take stock; some are paid
 * and WeChat Pay notifies the shop, one is paid but the notification is lost, one payer is still
 * paying for a while, the rest are never paid. When the 3 s windows end, delay-close asks the
 * (simulated) WeChat Pay over HTTP and each order ends where it belongs, with its stock and log.
 * Only final states are asserted, or states that the test itself holds (USERPAYING), never one that
 * the end of a window could change on a slow machine.
 */
class OrderTimeoutFlowIT extends SampleAppIntegrationTest {

    @Test
    void everyOrderEndsPaidOrClosedWithItsStockAndLog() {
        String keyboard = newSku(10, 29_900);
        String mouse = newSku(10, 9_900);
        String cable = newSku(10, 1_990);

        // Each order's fate at WeChat Pay is set right after it is created, one request into its 3 s
        // window; nothing is asserted about a state that the end of the window could change.

        // Paid, and WeChat Pay notifies the shop: paid at once.
        String paid = createOrder(keyboard, 2);
        Response payment = post("/api/demo/orders/" + paid + "/pay?notify=true", "");
        assertThat(payment.status()).as(payment.body()).isEqualTo(200);
        assertThat(payment.json().at("/notification/acknowledged").asBoolean()).isTrue();

        // The payer is entering the password: WeChat Pay answers USERPAYING until the test says otherwise.
        String stillPaying = createOrder(cable, 2);
        Response userPaying = post("/api/demo/orders/" + stillPaying + "/user-paying", "");
        assertThat(userPaying.status()).as(userPaying.body()).isEqualTo(200);

        // Paid, but the notification is lost: only the close at the end of the window can find out.
        String paidSilently = createOrder(mouse, 1);
        Response silent = post("/api/demo/orders/" + paidSilently + "/pay?notify=false", "");
        assertThat(silent.status()).as(silent.body()).isEqualTo(200);
        assertThat(silent.json().get("notification").isNull()).isTrue();
        String silentTransaction = simulator().order(paidSilently).orElseThrow().transactionId().orElseThrow();

        // Never paid.
        String unpaid = createOrder(keyboard, 3);
        String unpaidMixed = createOrder(keyboard, 1, mouse, 1);

        String paidTransaction = simulator().order(paid).orElseThrow().transactionId().orElseThrow();
        JsonNode paidOrder = order(paid);
        assertThat(paidOrder.get("status").asString()).isEqualTo("PAID");
        assertThat(paidOrder.get("transactionId").asString()).isEqualTo(paidTransaction);
        // Stock is taken when the order is created, paid or not: the payer still paying holds 2 cables.
        assertThat(stock(cable)).isEqualTo(10 - 2);
        assertThat(sold(cable)).isEqualTo(2);
        // Each order exists at WeChat Pay with its amount.
        assertThat(simulator().order(paid).orElseThrow().totalFee()).isEqualTo(2 * 29_900);
        assertThat(simulator().order(unpaidMixed).orElseThrow().totalFee()).isEqualTo(29_900 + 9_900);

        // The window ends. The lost notification is made up for by the query.
        awaitStatus(paidSilently, "PAID");
        assertThat(order(paidSilently).get("transactionId").asString()).isEqualTo(silentTransaction);
        awaitStatus(unpaid, "CLOSED");
        awaitStatus(unpaidMixed, "CLOSED");

        // USERPAYING is not final: delay-close asks again and again, and leaves the order alone...
        eventually(() -> assertThat(simulator().requests("orderquery", stillPaying)).hasSizeGreaterThanOrEqualTo(3));
        assertThat(status(stillPaying)).isEqualTo("UNPAID");
        assertThat(simulator().requests("closeorder", stillPaying)).isEmpty();
        // ...until the payer gives up: then it is closed like any unpaid order.
        simulator().setTradeState(stillPaying, SimulatedTradeState.NOTPAY);
        awaitStatus(stillPaying, "CLOSED");

        // Closed at WeChat Pay too; paid ones were never closed there.
        for (String closed : new String[] { unpaid, unpaidMixed, stillPaying }) {
            assertThat(simulator().order(closed).orElseThrow().tradeState()).isEqualTo(SimulatedTradeState.CLOSED);
            assertThat(order(closed).get("transactionId").isNull()).isTrue();
            assertThat(order(closed).get("closedAt").isNull()).isFalse();
        }
        assertThat(simulator().requests("closeorder", paid)).isEmpty();
        assertThat(simulator().requests("closeorder", paidSilently)).isEmpty();

        // Stock: taken for the paid orders, given back for the closed ones, exactly once.
        assertThat(stock(keyboard)).isEqualTo(10 - 2);
        assertThat(sold(keyboard)).isEqualTo(2);
        assertThat(stock(mouse)).isEqualTo(10 - 1);
        assertThat(sold(mouse)).isEqualTo(1);
        assertThat(stock(cable)).isEqualTo(10);
        assertThat(sold(cable)).isZero();
        assertThat(stockRestored(unpaid)).isTrue();
        assertThat(stockRestored(unpaidMixed)).isTrue();
        assertThat(stockRestored(stillPaying)).isTrue();
        assertThat(stockRestored(paid)).isFalse();
        assertThat(stockRestored(paidSilently)).isFalse();

        // One order-log row per transition, by the system: 1/1 paid, 4/0 closed.
        assertThat(logRows(paid)).containsExactly("1/1/system");
        assertThat(logRows(paidSilently)).containsExactly("1/1/system");
        assertThat(logRows(unpaid)).containsExactly("4/0/system");
        assertThat(logRows(unpaidMixed)).containsExactly("4/0/system");
        assertThat(logRows(stillPaying)).containsExactly("4/0/system");
    }

    @Test
    void aWeChatPaySystemErrorIsRetriedAndTheOrderStillCloses() {
        String mug = newSku(5, 3_500);
        String orderId = createOrder(mug, 2);
        simulator().failNextFor(orderId, 2, "SYSTEMERROR");

        awaitStatus(orderId, "CLOSED");

        // Two answers were SYSTEMERROR, so it took more than one query; the stock came back once.
        assertThat(simulator().requests("orderquery", orderId)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stock(mug)).isEqualTo(5);
        assertThat(logRows(orderId)).containsExactly("4/0/system");
    }

    @Test
    void theApiShowsEachOrdersDeadlineAndTheLatestOrdersFirst() {
        String cable = newSku(50, 1_990);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String first = createOrder(cable, 1);
        String second = createOrder(cable, 4);
        Instant after = Instant.now();

        JsonNode order = order(second);
        Instant createdAt = Instant.parse(order.get("createdAt").asString());
        // create_time is written and read in delay-close.jdbc.zone, as the JDBC OrderRepository does:
        // in the JVM's zone it would be hours off.
        assertThat(createdAt).isBetween(before, after);
        assertThat(Instant.parse(order.get("deadline").asString())).isEqualTo(createdAt.plus(Duration.ofSeconds(3)));
        assertThat(order.get("totalFee").asLong()).isEqualTo(4 * 1_990);
        assertThat(order.at("/items/0/skuId").asString()).isEqualTo(cable);
        assertThat(order.at("/items/0/num").asInt()).isEqualTo(4);

        Response latest = get("/api/orders?limit=5");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().get(0).get("id").asString()).isEqualTo(second);
        assertThat(latest.json().get(1).get("id").asString()).isEqualTo(first);

        Response skus = get("/api/skus");
        assertThat(skus.body()).contains("\"id\":\"" + cable + "\"");

        awaitStatus(first, "CLOSED");
        awaitStatus(second, "CLOSED");
        assertThat(stock(cable)).isEqualTo(50);
        // close_time, written by the JDBC OrderRepository, reads back as the moment it happened: at the
        // end of the window (whole seconds), not earlier, as it would be if the sweep misread create_time.
        Instant closedAt = Instant.parse(order(second).get("closedAt").asString());
        assertThat(closedAt).isBetween(createdAt.plus(Duration.ofSeconds(2)), Instant.now());
    }
}
