package io.github.delayclose.autoconfigure.endpoint;

import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.failure;
import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.delayclose.autoconfigure.DelayCloseAutoConfiguration;
import io.github.delayclose.core.listen.CloseLog;
import io.github.delayclose.core.listen.TimeoutHandler;
import io.github.delayclose.core.metrics.DelayCloseObservations;
import io.github.delayclose.core.monitor.DelayCloseMonitor;
import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.core.spi.AttemptState;
import io.github.delayclose.core.spi.CloseAttempt;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.test.doubles.InMemoryCloseAttemptStore;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.test.doubles.InMemorySpiConfiguration;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.test.services.TestTopology;
import io.github.delayclose.test.services.TopologyCleanupConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator on call sees and does, over HTTP on the real broker: a parked order is listed with
 * why, replayed once the provider is back and closed exactly once; a reason's worth of parked orders
 * is replayed at once; a discarded order is never swept again; health says ATTENTION above the parked
 * threshold; closes are counted once, observed and logged on one line.
 */
@SpringBootTest(classes = OperatingIT.Shop.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "delay-close.timeout=1s",
                "delay-close.queues.type=classic",
                "delay-close.retry.max-attempts=2",
                "delay-close.retry.initial-interval=200ms",
                "delay-close.recheck.interval=200ms",
                "delay-close.recheck.max-rechecks=1",
                "delay-close.sweep.interval=1h",
                "delay-close.sweep.grace=1s",
                "delay-close.health.refresh-interval=200ms",
                "delay-close.health.parked-threshold=3",
                "management.endpoints.web.exposure.include=health,delayclose",
                "management.endpoint.health.show-details=always",
                "management.endpoint.health.status.order=DOWN,OUT_OF_SERVICE,LAGGING,ATTENTION,UNKNOWN,UP",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ExtendWith(OutputCaptureExtension.class)
class OperatingIT {

    private static final String PREFIX = TestTopology.uniquePrefix("operate");

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.rabbit().register(registry);
        TestTopology.register(registry, PREFIX);
    }

    @LocalServerPort
    int port;

    @Autowired
    OrderTimeoutScheduler scheduler;

    @Autowired
    InMemoryOrderRepository orders;

    @Autowired
    InMemoryPaymentGateway gateway;

    @Autowired
    InMemoryStockRestorer stock;

    @Autowired
    InMemoryCloseAttemptStore attempts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ObservationRegistry observationRegistry;

    @Autowired
    SeenObservations seen;

    @Autowired
    DelayCloseMonitor monitor;

    @Autowired
    OverdueOrderSweeper sweeper;

    @Autowired
    DelayTopology topology;

    @Autowired
    @Qualifier(DelayCloseAutoConfiguration.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Test
    void aParkedOrderIsListedWithWhyAndReplayedOnceTheProviderIsBackThenClosedExactlyOnce() {
        String id = parkedForProviderErrors();
        long parkedCopies = parkedCopies();
        sweeper.sweep(); // a round to report

        JsonNode overview = get("/actuator/delayclose").json();

        JsonNode listed = find(overview.get("parked").get("orders"), id);
        assertThat(listed.get("reason").asString()).isEqualTo("PROVIDER_ERROR");
        assertThat(listed.get("attempts").asInt()).isEqualTo(2);
        assertThat(listed.get("lastError").asString()).contains("SYSTEMERROR");
        assertThat(Instant.parse(listed.get("firstFailureAt").asString()))
                .isBeforeOrEqualTo(Instant.parse(listed.get("lastFailureAt").asString()));
        assertThat(listed.get("parkedAt").isNull()).isFalse();
        assertThat(overview.get("summary").get("parkedByReason").get("PROVIDER_ERROR").asLong()).isPositive();
        assertThat(overview.get("summary").get("oldestParkedAge").asString()).startsWith("PT");
        assertThat(overview.get("summary").get("closesInFlight").asInt()).isNotNegative();
        assertThat(overview.get("summary").get("lastSweep").get("at").isNull()).isFalse();
        assertThat(parkedCopies()).as("listing reads the state, never the parking queue").isEqualTo(parkedCopies);

        double replayedBefore = meters.get("delay.close.replayed").counter().count();
        long latenessBefore = meters.get("delay.close.lateness").tag("outcome", "CLOSED").timer().count();
        gateway.answerQueries(id, state(TradeState.NOTPAY)); // the provider is back
        Response replay = post("/actuator/delayclose/replay", "{\"orderId\":\"" + id + "\"}");

        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().get("orderIds").get(0).asString()).isEqualTo(id);
        await().atMost(PATIENCE).until(() -> orders.status(id) == OrderStatus.CLOSED);
        await().atMost(PATIENCE).until(() -> attempts.find(id).isEmpty());
        assertThat(stock.restoresOf(id)).isEqualTo(1);
        assertThat(gateway.closesFor(id)).isEqualTo(1);
        assertThat(post("/actuator/delayclose/replay", "{\"orderId\":\"" + id + "\"}").status())
                .as("replayed already: not parked any more").isEqualTo(404);
        assertThat(meters.get("delay.close.replayed").counter().count() - replayedBefore).isEqualTo(1);
        assertThat(meters.get("delay.close.lateness").tag("outcome", "CLOSED").timer().count() - latenessBefore)
                .isEqualTo(1);
        assertThat(meters.get("delay.close.provider.calls").tag("operation", "query").tag("result", "ERROR").timer()
                .count()).isGreaterThanOrEqualTo(2);
        assertThat(parkedCopies()).as("the parked copy stays as a record; replay does not remove it")
                .isEqualTo(parkedCopies);
    }

    @Test
    void replayingAReasonReplaysEveryOrderParkedForItAndNoOther() {
        String first = parkedForProviderErrors();
        String second = parkedForProviderErrors();
        String paying = newOrder("paying");
        gateway.answerQueries(paying, state(TradeState.USERPAYING));
        scheduler.schedule(paying);
        await().atMost(PATIENCE).until(() -> isParked(paying));

        gateway.answerQueries(first, state(TradeState.NOTPAY));
        gateway.answerQueries(second, state(TradeState.NOTPAY));
        Response replay = post("/actuator/delayclose/replay", "{\"reason\":\"PROVIDER_ERROR\"}");

        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.body()).contains(first, second).doesNotContain(paying);
        await().atMost(PATIENCE).until(() -> orders.status(first) == OrderStatus.CLOSED
                && orders.status(second) == OrderStatus.CLOSED);
        assertThat(isParked(paying)).isTrue();
        assertThat(find(get("/actuator/delayclose?reason=STILL_PAYING").json().get("parked").get("orders"), paying)
                .get("reason").asString()).isEqualTo("STILL_PAYING");
        discard(paying);
    }

    @Test
    void aDiscardedOrderStaysAsItIsAndIsNeverSweptAgain() {
        String id = parkedForProviderErrors();
        double discardedBefore = meters.get("delay.close.discarded").counter().count();

        Response discarded = post("/actuator/delayclose/discard",
                "{\"orderId\":\"" + id + "\",\"reason\":\"refunded by hand\"}");

        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat(attempts.find(id)).get().extracting(CloseAttempt::state).isEqualTo(AttemptState.DISCARDED);
        assertThat(meters.get("delay.close.discarded").counter().count() - discardedBefore).isEqualTo(1);
        long queries = gateway.queriesFor(id);
        gateway.answerQueries(id, state(TradeState.NOTPAY));
        sweeper.sweep(); // well past its deadline and the grace: an unpaid order the sweep would send, were it not known
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> gateway.queriesFor(id) == queries);
        assertThat(orders.status(id)).isEqualTo(OrderStatus.UNPAID);
        assertThat(attempts.find(id)).get().extracting(CloseAttempt::state).isEqualTo(AttemptState.DISCARDED);
        assertThat(post("/actuator/delayclose/replay", "{\"orderId\":\"" + id + "\"}").status()).isEqualTo(404);
        assertThat(get("/actuator/delayclose").body()).doesNotContain(id);
    }

    @Test
    void aRecheckIsCountedOnceAsARecheckAndNeverAsARetry() {
        String id = newOrder("recheck");
        gateway.answerQueries(id, state(TradeState.USERPAYING), state(TradeState.NOTPAY));
        double rechecks = meters.get("delay.close.rechecks").counter().count();
        double retries = sum("delay.close.retries");
        double stillPaying = meters.get("delay.close.outcomes").tag("result", "STILL_PAYING").counter().count();

        scheduler.schedule(id);

        await().atMost(PATIENCE).until(() -> orders.status(id) == OrderStatus.CLOSED);
        assertThat(meters.get("delay.close.rechecks").counter().count() - rechecks).isEqualTo(1);
        assertThat(meters.get("delay.close.outcomes").tag("result", "STILL_PAYING").counter().count() - stillPaying)
                .isEqualTo(1);
        assertThat(sum("delay.close.retries") - retries).isZero();
    }

    @Test
    void eachCloseIsObservedWithItsProviderCallsInsideAndLoggedOnOneLine(CapturedOutput output) {
        String id = newOrder("observed");
        gateway.answerQueries(id, state(TradeState.NOTPAY));

        scheduler.schedule(id);

        await().atMost(PATIENCE).until(() -> orders.status(id) == OrderStatus.CLOSED);
        await().atMost(PATIENCE).until(() -> output.getOut().contains("order=" + id + " outcome=CLOSED"));
        Observation.Context close = await().atMost(PATIENCE).until(() -> seen.stopped(DelayCloseObservations.CLOSE, id),
                Objects::nonNull);
        assertThat(close.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("CLOSED");
        List<Observation.Context> calls = seen.all(DelayCloseObservations.PROVIDER_CALL, id);
        assertThat(calls).extracting(call -> call.getLowCardinalityKeyValue("operation").getValue())
                .containsExactly("query", "close");
        assertThat(calls).allSatisfy(call -> assertThat(call.getParentObservation().getContextView()).isSameAs(close));
        assertThat(seen.orderIdInLoggingContext(id)).as("MDC " + TimeoutHandler.MDC_ORDER_ID + " during the close")
                .isTrue();
        String line = output.getOut().lines().filter(text -> text.contains("order=" + id + " outcome=CLOSED"))
                .findFirst().orElseThrow();
        assertThat(line).contains(CloseLog.LOGGER).containsPattern("attempts=1 duration_ms=\\d+ lateness_ms=\\d+");
        assertThat(meters.find(DelayCloseObservations.CLOSE).meters())
                .as("the close is timed once, by delay.close.duration, not again under its observation's name").isEmpty();
        Observation.createNotStarted("operating.it.other", observationRegistry).observe(() -> { });
        assertThat(meters.find("operating.it.other").timer()).as("other observations are still timed by Boot")
                .isNotNull();
    }

    @Test
    void healthSaysAttentionAboveTheParkedThreshold() {
        long parkedNow = attempts.summarizeParked().total();
        List<String> added = new ArrayList<>();
        for (long i = parkedNow; i <= 3; i++) {
            String id = "health" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Instant at = Instant.now();
            attempts.insert(CloseAttempt.waiting(id, 0, at).failed(2, "PROVIDER_ERROR", "SYSTEMERROR", at)
                    .with(AttemptState.PARKED, at));
            added.add(id);
        }
        try {
            monitor.refresh();
            JsonNode health = get("/actuator/health/delayClose").json();
            assertThat(health.get("status").asString()).isEqualTo("ATTENTION");
            assertThat(health.get("details").get("parkedOrders").get("PROVIDER_ERROR").asLong()).isGreaterThan(3);
            assertThat(get("/actuator/health").json().get("status").asString())
                    .as("ranked by management.endpoint.health.status.order").isEqualTo("ATTENTION");
        }
        finally {
            added.forEach(attempts::delete);
        }
        monitor.refresh();
        assertThat(get("/actuator/health/delayClose").json().get("status").asString()).isEqualTo("UP");
    }

    // ---------------------------------------------------------------- helpers

    private String newOrder(String kind) {
        String id = kind + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        orders.create(id);
        return id;
    }

    /** An order whose provider keeps failing, scheduled and waited for until it is parked. */
    private String parkedForProviderErrors() {
        String id = newOrder("failing");
        long copiesBefore = parkedCopies();
        gateway.answerQueries(id, failure("SYSTEMERROR"));
        scheduler.schedule(id);
        // The state says PARKED before the parking copy is confirmed: wait for both, so that a test
        // counting the parking queue's messages does not count this copy arriving later.
        await().atMost(PATIENCE).until(() -> isParked(id) && parkedCopies() > copiesBefore);
        return id;
    }

    private void discard(String id) {
        assertThat(post("/actuator/delayclose/discard", "{\"orderId\":\"" + id + "\",\"reason\":\"test over\"}")
                .status()).isEqualTo(200);
    }

    private boolean isParked(String id) {
        return attempts.find(id).map(record -> record.state() == AttemptState.PARKED).orElse(false);
    }

    private long parkedCopies() {
        return new RabbitAdmin(connectionFactory).getQueueInfo(topology.parkingQueue()).getMessageCount();
    }

    private double sum(String counter) {
        return meters.get(counter).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static JsonNode find(JsonNode orders, String id) {
        for (JsonNode order : orders) {
            if (order.get("orderId").asString().equals(id)) {
                return order;
            }
        }
        throw new AssertionError(id + " not listed in " + orders);
    }

    private Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private record Response(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Every delay-close observation this context made, and whether the order id was in the MDC at each provider call. */
    static class SeenObservations implements ObservationHandler<Observation.Context> {

        private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();

        private final List<String> orderIdsInMdc = new CopyOnWriteArrayList<>();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return DelayCloseObservations.isDelayClose(context);
        }

        @Override
        public void onStart(Observation.Context context) {
            if (DelayCloseObservations.PROVIDER_CALL.equals(context.getName())) {
                String inMdc = MDC.get(TimeoutHandler.MDC_ORDER_ID);
                if (inMdc != null && inMdc.equals(orderIdOf(context))) {
                    orderIdsInMdc.add(inMdc);
                }
            }
        }

        @Override
        public void onStop(Observation.Context context) {
            stopped.add(context);
        }

        Observation.Context stopped(String name, String orderId) {
            return all(name, orderId).stream().findFirst().orElse(null);
        }

        List<Observation.Context> all(String name, String orderId) {
            return stopped.stream().filter(context -> name.equals(context.getName()))
                    .filter(context -> orderId.equals(orderIdOf(context))).toList();
        }

        boolean orderIdInLoggingContext(String orderId) {
            return orderIdsInMdc.contains(orderId);
        }

        private static String orderIdOf(Observation.Context context) {
            var keyValue = context.getHighCardinalityKeyValue(DelayCloseObservations.ORDER_ID);
            return keyValue == null ? null : keyValue.getValue();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import({ InMemorySpiConfiguration.class, TopologyCleanupConfiguration.class })
    static class Shop {

        @Bean
        InMemoryCloseAttemptStore closeAttemptStore() {
            return new InMemoryCloseAttemptStore();
        }

        @Bean
        SeenObservations seenObservations() {
            return new SeenObservations();
        }
    }
}
