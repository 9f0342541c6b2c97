package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.test.services.DatabaseEndpoint;
import io.github.delayclose.test.services.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Spring transaction that is active on another {@code DataSource} is not the shop's transaction:
 * the repository and the restorer must not "join" it (their statements would then run one by one in
 * auto-commit) but run their multi-statement work in a local transaction of their own, so that a
 * failing second statement takes the first one back with it.
 *
 * <p>The other {@code DataSource} is a second connection pool to the same database, which is what a
 * host with, say, a separate reporting or outbox pool has.
 */
class TransactionOnAnotherDataSourceIT {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 800_000_000);

    private static final DataSource SHOP = TestDatabase.dataSource();

    private static HikariDataSource otherPool;

    private static TransactionTemplate otherTransaction;

    private final Shop shop = new Shop(SHOP, ShopSchema.TUTORIAL, ZoneId.systemDefault());

    /** Writes the status change, then fails on the log insert: the log table names a missing column. */
    private final JdbcOrderRepository repositoryFailingAtTheLogRow = JdbcOrderRepository.builder(SHOP)
            .orderLogTable(OrderLogTable.defaults().withPayStatusColumn("no_such_column"))
            .build();

    private final JdbcStockRestorer restorer = JdbcStockRestorer.builder(SHOP).build();

    @BeforeAll
    static void startOtherPool() {
        DatabaseEndpoint endpoint = TestServices.mariaDb(TestDatabase.NAME);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(endpoint.jdbcUrl());
        config.setUsername(endpoint.username());
        config.setPassword(endpoint.password());
        config.setMaximumPoolSize(4);
        config.setPoolName("delay-close-jdbc-tests-other");
        otherPool = new HikariDataSource(config);
        otherTransaction = new TransactionTemplate(new DataSourceTransactionManager(otherPool));
    }

    @AfterAll
    static void stopOtherPool() {
        otherPool.close();
    }

    @Test
    void closeWhoseLogRowFailsLeavesTheOrderUnpaid() {
        String orderId = nextId();
        shop.unpaidOrder(orderId, Instant.now());

        assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> otherTransaction
                .executeWithoutResult(status -> repositoryFailingAtTheLogRow.markClosed(orderId, Instant.now())));

        assertThat(shop.statusCode(orderId)).contains("0");
        assertThat(shop.logRows(orderId)).isEmpty();
    }

    @Test
    void closeAfterAReadInTheSameOtherTransactionStillRunsAsOneUnit() {
        // The read binds a connection of the shop's pool to the other transaction's synchronization,
        // in auto-commit: "a connection is bound" alone does not mean "the caller's transaction".
        String orderId = nextId();
        shop.unpaidOrder(orderId, Instant.now());

        assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> otherTransaction
                .executeWithoutResult(status -> {
                    assertThat(repositoryFailingAtTheLogRow.findStatus(orderId)).isPresent();
                    repositoryFailingAtTheLogRow.markClosed(orderId, Instant.now());
                }));

        assertThat(shop.statusCode(orderId)).contains("0");
    }

    @Test
    void paymentWhoseLogRowFailsLeavesTheOrderUnpaid() {
        String orderId = nextId();
        shop.unpaidOrder(orderId, Instant.now());

        assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> otherTransaction
                .executeWithoutResult(status -> repositoryFailingAtTheLogRow.markPaid(orderId,
                        new Payment("4200009999", Instant.now()))));

        assertThat(shop.statusCode(orderId)).contains("0");
        assertThat(shop.orderRow(orderId).get("transaction_id")).isNull();
    }

    @Test
    void restoreWhoseSecondSkuUpdateFailsGivesNothingBack() {
        assertThat(JdbcClient.create(SHOP).sql("SELECT @@SESSION.sql_mode").query(String.class).single())
                .as("precondition: strict mode turns the INT overflow below into an error").contains("STRICT");
        String orderId = nextId();
        String sku = nextId();
        String firstSku = sku + "-a";
        String fullSku = sku + "-b"; // sorted after firstSku, so updated second
        shop.sku(firstSku, 10, 5);
        shop.sku(fullSku, Integer.MAX_VALUE, 5); // num + 1 does not fit the INT column
        shop.orderWithItems(orderId, Map.of(firstSku, 3, fullSku, 1));

        assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> otherTransaction
                .executeWithoutResult(status -> restorer.restore(orderId)));

        assertThat(shop.stock(firstSku)).contains(10L);
        assertThat(shop.sales(firstSku)).isEqualTo(5);
        assertThat(shop.stockRestoreRecorded(orderId)).isFalse();
    }

    @Test
    void workDoneInItsOwnTransactionCommitsEvenIfTheOtherTransactionRollsBack() {
        String orderId = nextId();
        String sku = nextId();
        shop.sku(sku, 10, 5);
        shop.orderWithItems(orderId, Map.of(sku, 3));

        otherTransaction.executeWithoutResult(status -> {
            restorer.restore(orderId);
            status.setRollbackOnly();
        });

        assertThat(shop.stock(sku)).contains(13L);
        assertThat(shop.stockRestoreRecorded(orderId)).isTrue();
    }

    private static String nextId() {
        return Long.toString(IDS.incrementAndGet());
    }
}
