package io.github.delayclose.test.doubles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;
import java.util.Map;

import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.Payment;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * delay-close closes an order and gives its stock back in one transaction: with the doubles, as
 * with a database, a rollback undoes both, so that the next attempt closes and restores again.
 */
class InMemoryDoublesTransactionTest {

    private final InMemoryOrderRepository orders = new InMemoryOrderRepository();

    private final InMemoryStockRestorer stock = new InMemoryStockRestorer();

    private final TransactionTemplate transactions = new TransactionTemplate(new InMemoryTransactionManager());

    @Test
    void rolledBackCloseLeavesOrderUnpaidAndStockTaken() {
        givenOrderTakingTwoUnitsOf("1001", "A");

        closeAndRestoreInATransactionThatFails("1001");

        assertThat(orders.status("1001")).isEqualTo(OrderStatus.UNPAID);
        assertThat(orders.closedAt("1001")).isEmpty();
        assertThat(stock.stockOf("A")).isEqualTo(8);
        assertThat(stock.isRestored("1001")).isFalse();
    }

    @Test
    void retryAfterRollbackClosesAndRestoresOnce() {
        givenOrderTakingTwoUnitsOf("1001", "A");
        closeAndRestoreInATransactionThatFails("1001");

        transactions.executeWithoutResult(status -> {
            assertThat(orders.markClosed("1001", Instant.now())).isTrue();
            stock.restore("1001");
        });

        assertThat(orders.status("1001")).isEqualTo(OrderStatus.CLOSED);
        assertThat(stock.stockOf("A")).isEqualTo(10);
    }

    @Test
    void rolledBackPaymentLeavesOrderUnpaid() {
        orders.create("1001");

        transactions.executeWithoutResult(status -> {
            orders.markPaid("1001", new Payment("wx-1", Instant.now()));
            status.setRollbackOnly();
        });

        assertThat(orders.status("1001")).isEqualTo(OrderStatus.UNPAID);
        assertThat(orders.payment("1001")).isEmpty();
    }

    @Test
    void committedCloseStays() {
        givenOrderTakingTwoUnitsOf("1001", "A");

        transactions.executeWithoutResult(status -> {
            orders.markClosed("1001", Instant.now());
            stock.restore("1001");
        });

        assertThat(orders.status("1001")).isEqualTo(OrderStatus.CLOSED);
        assertThat(stock.stockOf("A")).isEqualTo(10);
    }

    /** What delay-close's close transaction does, with a failure before the commit. */
    private void closeAndRestoreInATransactionThatFails(String orderId) {
        assertThatIllegalStateException().isThrownBy(() -> transactions.executeWithoutResult(status -> {
            orders.markClosed(orderId, Instant.now());
            stock.restore(orderId);
            throw new IllegalStateException("database gone before commit");
        }));
    }

    private void givenOrderTakingTwoUnitsOf(String orderId, String skuId) {
        orders.create(orderId);
        stock.setStock(skuId, 10);
        stock.reserve(orderId, Map.of(skuId, 2));
    }

    /** Spring's transaction machinery, synchronizations included, with no resource behind it. */
    private static final class InMemoryTransactionManager extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
