package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.OverduePosition;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code FOR UPDATE SKIP LOCKED}: two sweeping instances, each in its own transaction, never get
 * the same order while the first still holds its batch.
 */
class OverdueSearchLockingIT {

    /** Older than any other order in the test database, so that the batches hold only these. */
    private static final Instant EPOCH = Instant.parse("1971-01-01T00:00:00Z");

    private final DataSource dataSource = TestDatabase.dataSource();

    private final Shop shop = new Shop(dataSource, ShopSchema.TUTORIAL, ZoneId.systemDefault());

    private final JdbcOrderRepository repository = JdbcOrderRepository.builder(dataSource).build();

    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

    private final ExecutorService instances = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopInstances() {
        instances.shutdownNow();
    }

    @Test
    void concurrentSweepsGetDisjointBatchesWhileTheFirstTransactionIsOpen() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String orderId = "skip-locked-" + i;
            shop.unpaidOrder(orderId, EPOCH.plusSeconds(60L * i));
            orders.add(orderId);
        }
        Instant cutOff = EPOCH.plusSeconds(3600);
        CountDownLatch firstHoldsBatch = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        Future<List<String>> first = instances.submit(() -> transaction.execute(status -> {
            List<String> batch = ids(repository.findOverdueUnpaid(OverduePosition.startOf(EPOCH), cutOff, 3));
            firstHoldsBatch.countDown();
            await(releaseFirst);
            return batch;
        }));
        await(firstHoldsBatch);
        // Without SKIP LOCKED this would wait for the first transaction and time out here.
        List<String> second = instances.submit(() -> transaction.execute(status -> ids(repository.findOverdueUnpaid(OverduePosition.startOf(EPOCH), cutOff, 3))))
                .get(20, TimeUnit.SECONDS);
        boolean firstStillOpen = !first.isDone();
        releaseFirst.countDown();
        List<String> firstBatch = first.get(20, TimeUnit.SECONDS);

        assertThat(firstStillOpen).as("first transaction still open while the second searched").isTrue();
        assertThat(firstBatch).containsExactlyElementsOf(orders.subList(0, 3));
        assertThat(second).containsExactlyElementsOf(orders.subList(3, 6));
        assertThat(ids(repository.findOverdueUnpaid(OverduePosition.startOf(EPOCH), cutOff, 6)))
                .as("locks end with the transaction")
                .containsExactlyElementsOf(orders);
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
