package io.github.delayclose.core.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CloseWindowTest {

    @Test
    void runsUpToItsSizeAtOnceAndNoMore() throws Exception {
        try (CloseWindow window = new CloseWindow(4)) {
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger running = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            List<CompletableFuture<Void>> closes = new ArrayList<>();
            CompletableFuture<Void> submitter = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 10; i++) {
                    try {
                        closes.add(window.submit(() -> {
                            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                            await(release);
                            running.decrementAndGet();
                        }));
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                }
            });

            org.awaitility.Awaitility.await().until(() -> running.get() == 4);
            assertThat(submitter).as("the fifth submit waits for a slot").isNotDone();
            assertThat(window.inFlight()).isEqualTo(4);

            release.countDown();
            submitter.get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(mostAtOnce).hasValue(4);
            assertThat(window.inFlight()).isZero();
        }
    }

    @Test
    void aFailingCloseFreesItsSlotAndFailsItsFuture() throws Exception {
        try (CloseWindow window = new CloseWindow(1)) {
            CompletableFuture<Void> failed = window.submit(() -> {
                throw new IllegalStateException("database down");
            });
            assertThat(failed).failsWithin(Duration.ofSeconds(5));
            assertThat(window.submit(() -> { })).succeedsWithin(Duration.ofSeconds(5));
        }
    }

    @Test
    void awaitEmptyWaitsForTheClosesInFlight() throws Exception {
        try (CloseWindow window = new CloseWindow(2)) {
            CountDownLatch release = new CountDownLatch(1);
            window.submit(() -> await(release));
            assertThat(window.awaitEmpty(Duration.ofMillis(50))).as("still running").isFalse();
            release.countDown();
            assertThat(window.awaitEmpty(Duration.ofSeconds(5))).isTrue();
        }
    }

    @Test
    void sizeMustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CloseWindow(0)).withMessageContaining("at least 1");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
