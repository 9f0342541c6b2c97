package io.github.delayclose.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import org.junit.jupiter.api.Test;

class ThrottledPaymentGatewayTest {

    /** Counts calls by the second they started in, and the most under way at once. */
    static final class CountingProvider implements PaymentGateway {

        final Map<Long, AtomicLong> startedPerSecond = new ConcurrentHashMap<>();
        final AtomicInteger underWay = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public TradeReport queryTrade(String orderId) {
            call();
            return TradeReport.unpaid(TradeState.NOTPAY);
        }

        @Override
        public TradeCloseResult closeOrder(String orderId) {
            call();
            return TradeCloseResult.CLOSED;
        }

        @Override
        public OrderIdRules orderIdRules() {
            return OrderIdRules.of("[0-9]{1,8}", "1 to 8 digits");
        }

        private void call() {
            startedPerSecond.computeIfAbsent(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime()), second -> new AtomicLong())
                    .incrementAndGet();
            mostAtOnce.accumulateAndGet(underWay.incrementAndGet(), Math::max);
            try {
                TimeUnit.MILLISECONDS.sleep(5); // a provider that takes its time answering
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            underWay.decrementAndGet();
        }
    }

    @Test
    void neverMoreCallsAtOnceThanTheCeilingAndNoneFails() throws Exception {
        CountingProvider provider = new CountingProvider();
        PaymentGateway gateway = ThrottledPaymentGateway.of(provider, new ProviderLimits(0, 3));

        runConcurrently(16, 200, gateway);

        assertThat(provider.mostAtOnce.get()).isBetween(1, 3);
        assertThat(provider.startedPerSecond.values().stream().mapToLong(AtomicLong::get).sum()).isEqualTo(200);
    }

    @Test
    void neverMoreCallsInAnySecondThanTheCeiling() throws Exception {
        CountingProvider provider = new CountingProvider();
        PaymentGateway gateway = ThrottledPaymentGateway.of(provider, new ProviderLimits(50, 0));

        runConcurrently(16, 120, gateway);

        // Turns are spaced 1/50 s apart, so a second holds at most 50 of them plus the one on its edge;
        // on a busy machine a thread may wake a little after its turn, which can carry one more across
        // the edge. Without the ceiling, 16 threads would make hundreds of calls a second.
        assertThat(provider.startedPerSecond.values()).allSatisfy(count -> assertThat(count.get()).isLessThanOrEqualTo(52));
        assertThat(provider.startedPerSecond.values().stream().mapToLong(AtomicLong::get).sum()).isEqualTo(120);
    }

    @Test
    void noCeilingMeansTheGatewayItself() {
        CountingProvider provider = new CountingProvider();
        assertThat(ThrottledPaymentGateway.of(provider, ProviderLimits.NONE)).isSameAs(provider);
    }

    @Test
    void keepsTheProvidersOrderIdRules() {
        PaymentGateway gateway = ThrottledPaymentGateway.of(new CountingProvider(), new ProviderLimits(10, 10));
        assertThat(gateway.orderIdRules().accepts("1234")).isTrue();
        assertThat(gateway.orderIdRules().accepts("abc")).isFalse();
    }

    private static void runConcurrently(int threads, int calls, PaymentGateway gateway) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> results = IntStream.range(0, calls)
                    .mapToObj(i -> pool.submit(() -> (Object) (i % 2 == 0 ? gateway.queryTrade("1") : gateway.closeOrder("1"))))
                    .toList();
            for (Future<Object> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isNotNull();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }
}
