package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.OverduePosition;
import io.github.delayclose.core.spi.Payment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep's overdue search is a plain read: it neither waits for a close or payment in progress
 * nor holds one up, even when a caller runs it inside a transaction that stays open (as a sweep
 * waiting for the broker's confirm would).
 */
class OverdueSearchLocksNothingIT {

    /** Older than any other order in the test database, so that the search finds only these. */
    private static final Instant EPOCH = Instant.parse("1971-01-01T00:00:00Z");

    private static final Instant CUT_OFF = EPOCH.plusSeconds(3600);

    private final DataSource dataSource = TestDatabase.dataSource();

    private final Shop shop = new Shop(dataSource, ShopSchema.TUTORIAL, ZoneId.systemDefault());

    private final JdbcOrderRepository repository = JdbcOrderRepository.builder(dataSource).build();

    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aPaymentForAnOrderTheSweepIsLookingAtCommitsAtOnce() throws Exception {
        String orderId = "no-lock-paid-" + System.nanoTime();
        shop.unpaidOrder(orderId, EPOCH.plusSeconds(60));
        CountDownLatch searched = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<List<String>> sweep = threads.submit(() -> transaction.execute(status -> {
            List<String> found = ids(repository.findOverdueUnpaid(OverduePosition.startOf(EPOCH), CUT_OFF, 10));
            searched.countDown();
            await(release); // a sweep still sending its copies, its transaction open
            return found;
        }));
        await(searched);
        boolean paid = threads.submit(() -> repository.markPaid(orderId, new Payment("4200000000" + System.nanoTime(),
                Instant.now()))).get(5, TimeUnit.SECONDS);
        boolean sweepStillOpen = !sweep.isDone();
        release.countDown();

        assertThat(sweepStillOpen).as("the search's transaction was still open").isTrue();
        assertThat(paid).as("the payment was not held up by the search").isTrue();
        assertThat(sweep.get(5, TimeUnit.SECONDS)).contains(orderId);
    }

    @Test
    void theSearchDoesNotWaitForACloseInProgress() throws Exception {
        String orderId = "no-lock-closing-" + System.nanoTime();
        shop.unpaidOrder(orderId, EPOCH.plusSeconds(120));
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        Future<Boolean> close = threads.submit(() -> transaction.execute(status -> {
            boolean won = repository.markClosed(orderId, Instant.now());
            closing.countDown();
            await(release); // the close transaction holds the order's row lock
            return won;
        }));
        await(closing);
        List<String> found = threads.submit(() -> ids(repository.findOverdueUnpaid(OverduePosition.startOf(EPOCH),
                CUT_OFF, 10))).get(5, TimeUnit.SECONDS);
        release.countDown();

        assertThat(found).as("the uncommitted close is not seen yet, and not waited for").contains(orderId);
        assertThat(close.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ids(repository.findOverdueUnpaid(OverduePosition.startOf(EPOCH), CUT_OFF, 10)))
                .as("once committed, the closed order is no longer overdue").doesNotContain(orderId);
    }

    private static List<String> ids(List<OverdueOrder> orders) {
        return orders.stream().map(OverdueOrder::orderId).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gave up waiting for the other transaction");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
