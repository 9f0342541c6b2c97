package io.github.delayclose.bench.driver;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import io.github.delayclose.bench.report.PeakRate;
import io.github.delayclose.wxpay.simulator.MerchantAccount;
import io.github.delayclose.wxpay.simulator.RecordedRequest;
import io.github.delayclose.wxpay.simulator.SimulatorServer;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;

/**
 * WeChat Pay v2, played by delay-close's simulator in the driver's JVM: signed XML over real HTTP,
 * every answer held back by the configured latency. It runs here rather than in the application's
 * JVM so that serving it does not eat into the CPU and heap being measured.
 */
public final class ProviderSimulator implements AutoCloseable {

    private static final MerchantAccount ACCOUNT =
            new MerchantAccount("wxbench00000000001", "1900000001", "bench0api0key0for0the0simulator0");

    private final SimulatorServer server;
    private final Duration latency;

    /**
     * Calls remembered for {@link #peakCallsPerSecond}: a burst of 100,000 orders makes 200,000
     * (a query and a close each), about 200 MB of the driver's heap.
     */
    private static final int RECORDED_CALLS = 250_000;

    private ProviderSimulator(SimulatorServer server, Duration latency) {
        this.server = server;
        this.latency = latency;
        server.simulator().recordLastRequests(RECORDED_CALLS);
        reset();
    }

    public static ProviderSimulator start(Duration latency) {
        // The JDK's HTTP server writes an answer's head and body separately; without TCP_NODELAY,
        // Nagle's algorithm meets the client's delayed ACK and every keep-alive call waits ~40 ms
        // more than the latency asked for. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        return new ProviderSimulator(SimulatorServer.start(ACCOUNT), latency);
    }

    /** Forgets every order and recorded call of an earlier phase; keeps the latency. */
    public void reset() {
        WxPaySimulator simulator = server.simulator();
        simulator.reset();
        simulator.delayAll(latency);
    }

    /** Opens each order at the provider, as {@code unifiedorder} would, and pays those the plan pays. */
    public void open(Collection<BenchOrder> orders) {
        WxPaySimulator simulator = server.simulator();
        for (BenchOrder order : orders) {
            simulator.createOrder(order.id());
            if (order.paid()) {
                simulator.pay(order.id());
            }
        }
    }

    /** The {@code delay-close.wxpay.*} properties that point the WeChat Pay v2 gateway here. */
    public Map<String, String> gatewayProperties() {
        return Map.of("delay-close.wxpay.app-id", ACCOUNT.appId(), "delay-close.wxpay.mch-id", ACCOUNT.mchId(),
                "delay-close.wxpay.api-key", ACCOUNT.apiKey(), "delay-close.wxpay.base-url", server.baseUrl());
    }

    /** The most query and close calls the provider received in any one second since {@code from}. */
    public int peakCallsPerSecond(Instant from) {
        long[] times = server.simulator().requests().stream()
                .filter(request -> !request.api().equals("unifiedorder"))
                .map(RecordedRequest::receivedAt)
                .filter(at -> !at.isBefore(from))
                .mapToLong(Instant::toEpochMilli)
                .toArray();
        return PeakRate.perSecond(times);
    }

    public Duration latency() {
        return latency;
    }

    /** The simulator itself, to pay orders and queue faults (errors, slow answers) while a run goes on. */
    public WxPaySimulator simulator() {
        return server.simulator();
    }

    @Override
    public void close() {
        server.stop();
    }
}
