package io.github.delayclose.wxpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.delayclose.wxpay.protocol.WxPaySignType;
import io.github.delayclose.wxpay.protocol.WxPayXml;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What benchmarks need of the simulator: parallel delays, bounded memory, per-order ordering under concurrency. */
class SimulatorUnderLoadTest {

    private static final MerchantAccount ACCOUNT = new MerchantAccount("wx00000000000000a1", "1900000109",
            "0123456789abcdef0123456789abcdef");

    private final WxPaySimulator simulator = new WxPaySimulator(ACCOUNT);

    private final WxPayTestClient client = new WxPayTestClient("http://unused", ACCOUNT);

    private SimulatorServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void delayedAnswersWaitInParallelNotInTurn() throws Exception {
        server = SimulatorServer.start(simulator, 0);
        simulator.delayAll(Duration.ofMillis(500));
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();

        long started = System.nanoTime();
        for (int i = 0; i < 40; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/pay/orderquery"))
                            .POST(HttpRequest.BodyPublishers.ofString(client.signedRequest("o" + i, WxPaySignType.MD5)))
                            .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            assertThat(WxPayXml.parse(call.get().body())).containsEntry("err_code", "ORDERNOTEXIST");
        }

        // In turn, 40 answers delayed 500 ms each would take 20 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void onlyTheLastRequestsAreRecorded() {
        simulator.recordLastRequests(3);
        for (int i = 0; i < 5; i++) {
            query("o" + i);
        }
        assertThat(simulator.requests()).extracting(RecordedRequest::outTradeNo).containsExactly("o2", "o3", "o4");

        simulator.recordLastRequests(1);
        assertThat(simulator.requests()).extracting(RecordedRequest::outTradeNo).containsExactly("o4");

        simulator.recordLastRequests(0);
        query("unrecorded");
        assertThat(simulator.requests()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> simulator.recordLastRequests(-1));
    }

    @Test
    void recordingStaysBoundedWhileManyThreadsCall() throws Exception {
        simulator.recordLastRequests(50);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                callers.add(threads.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        query("t" + thread + "-" + i);
                    }
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(simulator.requests()).hasSize(50);
    }

    @Test
    void concurrentClosesOfOneOrderCloseItExactlyOnce() throws Exception {
        simulator.createOrder("contended");
        for (int i = 0; i < 200; i++) {
            simulator.createOrder("own-" + i);
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Map<String, String>>> contended = new ArrayList<>();
            List<Future<Map<String, String>>> own = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int order = i;
                if (i % 25 == 0) {
                    contended.add(threads.submit(() -> {
                        start.await();
                        return close("contended");
                    }));
                }
                own.add(threads.submit(() -> {
                    start.await();
                    return close("own-" + order);
                }));
            }
            start.countDown();

            List<String> outcomes = new ArrayList<>();
            for (Future<Map<String, String>> answer : contended) {
                Map<String, String> fields = answer.get();
                outcomes.add("SUCCESS".equals(fields.get("result_code")) ? "CLOSED" : fields.get("err_code"));
            }
            assertThat(outcomes).containsOnlyOnce("CLOSED").hasSize(8)
                    .filteredOn(outcome -> !outcome.equals("CLOSED")).containsOnly("ORDERCLOSED");
            for (Future<Map<String, String>> answer : own) {
                assertThat(answer.get()).containsEntry("result_code", "SUCCESS");
            }
            assertThat(simulator.orders()).hasSize(201)
                    .allMatch(order -> order.tradeState() == SimulatedTradeState.CLOSED);
        }
        finally {
            threads.shutdownNow();
        }
    }

    @Test
    void ordersAreListedInCreationOrder() {
        for (String id : List.of("c", "a", "b")) {
            simulator.createOrder(id);
        }
        assertThat(simulator.orders()).extracting(SimulatedOrder::outTradeNo).containsExactly("c", "a", "b");
    }

    private Map<String, String> query(String outTradeNo) {
        return WxPayXml.parse(simulator.handle("/pay/orderquery", client.signedRequest(outTradeNo, WxPaySignType.MD5)).body());
    }

    private Map<String, String> close(String outTradeNo) {
        return WxPayXml.parse(simulator.handle("/pay/closeorder", client.signedRequest(outTradeNo, WxPaySignType.MD5)).body());
    }
}
