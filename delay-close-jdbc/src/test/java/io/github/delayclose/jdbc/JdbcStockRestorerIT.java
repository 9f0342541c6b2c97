package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What {@link JdbcStockRestorer} writes beyond the SPI contract. */
class JdbcStockRestorerIT {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 700_000_000);

    private final Shop shop = new Shop(TestDatabase.dataSource(), ShopSchema.TUTORIAL, ZoneId.systemDefault());

    private final JdbcStockRestorer restorer = JdbcStockRestorer.builder(TestDatabase.dataSource()).build();

    private final TransactionTemplate transaction = new TransactionTemplate(
            new DataSourceTransactionManager(TestDatabase.dataSource()));

    @Test
    void restoreMovesUnitsFromSalesBackToStockAndRecordsTheOrder() {
        String orderId = nextId();
        String sku = nextId();
        shop.sku(sku, 10, 5);
        shop.orderWithItems(orderId, Map.of(sku, 3));

        restorer.restore(orderId);

        assertThat(shop.stock(sku)).contains(13L);
        assertThat(shop.sales(sku)).isEqualTo(2);
        assertThat(shop.stockRestoreRecorded(orderId)).isTrue();
    }

    @Test
    void itemsOfTheSameSkuAreAllGivenBack() {
        String orderId = nextId();
        String sku = nextId();
        shop.sku(sku, 10, 5);
        shop.unpaidOrder(orderId, java.time.Instant.now());
        shop.item(orderId, sku, 1);
        shop.item(orderId, sku, 2);

        restorer.restore(orderId);

        assertThat(shop.stock(sku)).contains(13L);
    }

    @Test
    void itemOfAVanishedSkuIsSkippedAndTheRestIsGivenBack() {
        String orderId = nextId();
        String kept = nextId();
        String vanished = nextId();
        shop.sku(kept, 10, 5);
        shop.unpaidOrder(orderId, java.time.Instant.now());
        shop.item(orderId, kept, 2);
        shop.item(orderId, vanished, 4);

        restorer.restore(orderId);

        assertThat(shop.stock(kept)).contains(12L);
        assertThat(shop.stock(vanished)).isEmpty();
        assertThat(shop.stockRestoreRecorded(orderId)).isTrue();
    }

    @Test
    void restoreRolledBackWithTheCloseTransactionCanBeRepeated() {
        String orderId = nextId();
        String sku = nextId();
        shop.sku(sku, 10, 5);
        shop.orderWithItems(orderId, Map.of(sku, 3));

        transaction.executeWithoutResult(status -> {
            restorer.restore(orderId);
            status.setRollbackOnly();
        });

        assertThat(shop.stock(sku)).contains(10L);
        assertThat(shop.stockRestoreRecorded(orderId)).isFalse();

        transaction.executeWithoutResult(status -> restorer.restore(orderId));

        assertThat(shop.stock(sku)).contains(13L);
    }

    @Test
    void secondRestoreInsideTheSameTransactionChangesNothingAndKeepsTheTransactionUsable() {
        String orderId = nextId();
        String sku = nextId();
        shop.sku(sku, 10, 5);
        shop.orderWithItems(orderId, Map.of(sku, 3));

        transaction.executeWithoutResult(status -> {
            restorer.restore(orderId);
            restorer.restore(orderId);
        });

        assertThat(shop.stock(sku)).contains(13L);
    }

    private static String nextId() {
        return Long.toString(IDS.incrementAndGet());
    }
}
