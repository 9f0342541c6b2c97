package io.github.delayclose.test.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.OrderSnapshot;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.OverduePosition;
import io.github.delayclose.core.spi.Payment;
import org.junit.jupiter.api.Test;

/**
 * Tests that every {@link OrderRepository} must pass. Extend it in your test sources, implement the
 * hooks, and run it against the real store (the contract is about races, which a mock cannot have):
 *
 * <pre>{@code
 * class MyOrderRepositoryContractTest extends OrderRepositoryContract {
 *
 *     @Override
 *     protected OrderRepository repository() {
 *         return myRepository;
 *     }
 *
 *     @Override
 *     protected void givenUnpaidOrder(String orderId, Instant createdAt) {
 *         jdbc.update("INSERT INTO my_order (id, status, created) VALUES (?, 'NEW', ?)", orderId, ...);
 *     }
 * }
 * }</pre>
 *
 * <p>Every test uses fresh order ids from {@link #newOrderId()}, so the store need not be emptied
 * between tests and may hold other data; the overdue-search tests only look at their own orders.
 * Times are whole seconds, which {@code DATETIME} columns hold exactly.
 *
 * <p>The overdue-search tests run when the repository says it searches
 * ({@link OrderRepository#searchesOverdueOrders()}), the deadline tests when it stores deadlines
 * ({@link OrderRepository#storesDeadlines()}). A repository that stores no deadline gives every order
 * the deadline "creation time plus {@link #paymentWindow()}".
 */
public abstract class OrderRepositoryContract {

    /** Seeded from the clock so that ids of two test runs against one store do not meet. */
    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    /** The repository under test. */
    protected abstract OrderRepository repository();

    /**
     * Stores a new unpaid order, as the shop does when a customer places one.
     *
     * @param orderId a fresh id from {@link #newOrderId()}
     * @param createdAt its creation time, a whole second
     */
    protected abstract void givenUnpaidOrder(String orderId, Instant createdAt);

    /**
     * Reads an order's status. Override to read the store directly rather than through the
     * repository under test; by default it asks {@link OrderRepository#findStatus}.
     */
    protected Optional<OrderStatus> statusInStore(String orderId) {
        return repository().findStatus(orderId);
    }

    /**
     * A fresh order id: decimal digits, at most 19, so it fits numeric and short text columns.
     * Override when the store wants another shape.
     */
    protected String newOrderId() {
        return Long.toString(IDS.incrementAndGet());
    }

    /**
     * The payment window the repository adds to an order's creation time when it stores no deadline;
     * default 30 minutes.
     */
    protected Duration paymentWindow() {
        return Duration.ofMinutes(30);
    }

    /** How many times the race test races; default 20. */
    protected int raceRounds() {
        return 20;
    }

    @Test
    void unknownOrderHasNoStatus() {
        assertThat(repository().findStatus(newOrderId())).isEmpty();
    }

    @Test
    void newOrderIsUnpaid() {
        String orderId = givenUnpaidOrder();

        assertThat(repository().findStatus(orderId)).contains(OrderStatus.UNPAID);
    }

    @Test
    void markClosedWinsOnceThenLoses() {
        String orderId = givenUnpaidOrder();

        assertThat(repository().markClosed(orderId, now())).as("first close").isTrue();
        assertThat(repository().markClosed(orderId, now())).as("second close").isFalse();
        assertThat(statusInStore(orderId)).contains(OrderStatus.CLOSED);
        assertThat(repository().findStatus(orderId)).contains(OrderStatus.CLOSED);
    }

    @Test
    void markPaidWinsOnceThenLoses() {
        String orderId = givenUnpaidOrder();

        assertThat(repository().markPaid(orderId, payment("tx-1"))).as("first payment").isTrue();
        assertThat(repository().markPaid(orderId, payment("tx-2"))).as("second payment").isFalse();
        assertThat(statusInStore(orderId)).contains(OrderStatus.PAID);
        assertThat(repository().findStatus(orderId)).contains(OrderStatus.PAID);
    }

    @Test
    void paymentNeverRevivesClosedOrder() {
        String orderId = givenUnpaidOrder();
        repository().markClosed(orderId, now());

        assertThat(repository().markPaid(orderId, payment("tx-late"))).isFalse();
        assertThat(statusInStore(orderId)).contains(OrderStatus.CLOSED);
    }

    @Test
    void closeNeverOverwritesPayment() {
        String orderId = givenUnpaidOrder();
        repository().markPaid(orderId, payment("tx-1"));

        assertThat(repository().markClosed(orderId, now())).isFalse();
        assertThat(statusInStore(orderId)).contains(OrderStatus.PAID);
    }

    @Test
    void transitionsOfUnknownOrderLose() {
        String orderId = newOrderId();

        assertThat(repository().markClosed(orderId, now())).isFalse();
        assertThat(repository().markPaid(orderId, payment("tx-1"))).isFalse();
        assertThat(repository().findStatus(orderId)).isEmpty();
    }

    /** An unpaid order whose deadline is {@code deadline}: stored, or its creation time plus the window. */
    private String givenUnpaidOrderDueAt(Instant deadline) {
        String id = givenUnpaidOrder(deadline.minus(paymentWindow()));
        if (repository().storesDeadlines()) {
            assertThat(repository().recordDeadline(id, deadline)).isTrue();
        }
        return id;
    }

    @Test
    void findOverdueUnpaidReturnsOnlyUnpaidOrdersDueInTheSpan() {
        assumeTrue(repository().searchesOverdueOrders(), "repository does not search for overdue orders");
        Instant cutOff = now().minus(Duration.ofDays(1));
        Instant from = cutOff.minus(Duration.ofMinutes(10));
        String overdue = givenUnpaidOrderDueAt(cutOff.minusSeconds(60));
        String paid = givenUnpaidOrderDueAt(cutOff.minusSeconds(60));
        repository().markPaid(paid, payment("tx-1"));
        String closed = givenUnpaidOrderDueAt(cutOff.minusSeconds(60));
        repository().markClosed(closed, now());
        String dueAtCutOff = givenUnpaidOrderDueAt(cutOff);
        String newer = givenUnpaidOrderDueAt(cutOff.plusSeconds(60));
        String olderThanTheSpan = givenUnpaidOrderDueAt(from.minusSeconds(60));

        List<String> found = ids(repository().findOverdueUnpaid(OverduePosition.startOf(from), cutOff, Integer.MAX_VALUE));

        assertThat(found).contains(overdue).doesNotContain(paid, closed, dueAtCutOff, newer, olderThanTheSpan);
    }

    @Test
    void findOverdueUnpaidReturnsOldestFirstWithDeadlines() {
        assumeTrue(repository().searchesOverdueOrders(), "repository does not search for overdue orders");
        Instant cutOff = now().minus(Duration.ofDays(1));
        String middle = givenUnpaidOrderDueAt(cutOff.minusSeconds(120));
        String newest = givenUnpaidOrderDueAt(cutOff.minusSeconds(60));
        String oldest = givenUnpaidOrderDueAt(cutOff.minusSeconds(180));

        List<OverdueOrder> found = repository().findOverdueUnpaid(OverduePosition.startOf(cutOff.minusSeconds(600)),
                cutOff, Integer.MAX_VALUE);

        assertThat(ids(found)).containsSubsequence(oldest, middle, newest);
        assertThat(found).filteredOn(order -> order.orderId().equals(oldest)).singleElement()
                .extracting(OverdueOrder::deadline).isEqualTo(cutOff.minusSeconds(180));
    }

    @Test
    void findOverdueUnpaidPagesFromWhereTheLastPageEnded() {
        assumeTrue(repository().searchesOverdueOrders(), "repository does not search for overdue orders");
        Instant cutOff = now().minus(Duration.ofDays(1));
        Instant sameSecond = cutOff.minusSeconds(30);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(givenUnpaidOrderDueAt(sameSecond)); // ties on the deadline are broken by id
        }
        created.add(givenUnpaidOrderDueAt(cutOff.minusSeconds(20)));

        List<String> scanned = new ArrayList<>();
        OverduePosition position = OverduePosition.startOf(cutOff.minusSeconds(40));
        for (List<OverdueOrder> page = repository().findOverdueUnpaid(position, cutOff, 2); !page.isEmpty();
                page = repository().findOverdueUnpaid(position, cutOff, 2)) {
            assertThat(page).hasSizeLessThanOrEqualTo(2);
            scanned.addAll(ids(page));
            position = page.get(page.size() - 1).position();
        }

        assertThat(scanned).doesNotHaveDuplicates().containsAll(created);
        assertThat(scanned.indexOf(created.get(5))).isGreaterThan(scanned.indexOf(created.get(0)));
    }

    @Test
    void aStoredDeadlineIsReadBackAndMovesEitherWay() {
        assumeTrue(repository().storesDeadlines(), "repository does not store deadlines");
        Instant created = now().minusSeconds(60);
        String id = givenUnpaidOrder(created);
        Instant first = created.plus(Duration.ofMinutes(15));

        assertThat(repository().recordDeadline(id, first)).isTrue();
        assertThat(repository().findOrder(id)).get().extracting(OrderSnapshot::deadline).isEqualTo(first);
        assertThat(repository().recordDeadline(id, first.plus(Duration.ofHours(2)))).as("extended").isTrue();
        assertThat(repository().recordDeadline(id, first.minus(Duration.ofMinutes(10)))).as("shortened").isTrue();
        assertThat(repository().findOrder(id)).get().extracting(OrderSnapshot::deadline)
                .isEqualTo(first.minus(Duration.ofMinutes(10)));
    }

    @Test
    void theDeadlineOfAClosedOrPaidOrderDoesNotMove() {
        assumeTrue(repository().storesDeadlines(), "repository does not store deadlines");
        String closed = givenUnpaidOrder(now().minusSeconds(60));
        repository().markClosed(closed, now());
        String paid = givenUnpaidOrder(now().minusSeconds(60));
        repository().markPaid(paid, payment("tx-dl"));

        assertThat(repository().recordDeadline(closed, now().plusSeconds(600))).isFalse();
        assertThat(repository().recordDeadline(paid, now().plusSeconds(600))).isFalse();
        assertThat(repository().recordDeadline(newOrderId(), now().plusSeconds(600))).as("unknown order").isFalse();
    }

    @Test
    void findOrderAgreesWithFindStatus() {
        String id = givenUnpaidOrder(now().minusSeconds(60));
        assertThat(repository().findOrder(id)).get().extracting(OrderSnapshot::status).isEqualTo(OrderStatus.UNPAID);
        repository().markClosed(id, now());
        assertThat(repository().findOrder(id)).get().extracting(OrderSnapshot::status).isEqualTo(OrderStatus.CLOSED);
        assertThat(repository().findOrder(newOrderId())).isEmpty();
    }

    private static List<String> ids(List<OverdueOrder> orders) {
        return orders.stream().map(OverdueOrder::orderId).toList();
    }

    /**
     * Payment notifications and timeout messages for the same order arrive on several threads at
     * once; whatever the interleaving, exactly one transition wins and the store agrees with it.
     */
    @Test
    void racingPaymentsAndClosesHaveExactlyOneWinner() throws Exception {
        int payers = 3;
        int closers = 3;
        ExecutorService pool = Executors.newFixedThreadPool(payers + closers);
        try {
            for (int round = 0; round < raceRounds(); round++) {
                String orderId = givenUnpaidOrder();
                CyclicBarrier start = new CyclicBarrier(payers + closers);
                List<Future<Boolean>> paid = new ArrayList<>();
                List<Future<Boolean>> closed = new ArrayList<>();
                for (int i = 0; i < payers; i++) {
                    String transactionId = "tx-" + i;
                    paid.add(pool.submit(afterBarrier(start, () -> repository().markPaid(orderId, payment(transactionId)))));
                }
                for (int i = 0; i < closers; i++) {
                    closed.add(pool.submit(afterBarrier(start, () -> repository().markClosed(orderId, now()))));
                }
                int paidWins = wins(paid);
                int closeWins = wins(closed);

                assertThat(paidWins + closeWins).as("winners for order %s", orderId).isEqualTo(1);
                assertThat(statusInStore(orderId)).as("status of order %s", orderId)
                        .contains(paidWins == 1 ? OrderStatus.PAID : OrderStatus.CLOSED);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** A fresh unpaid order created a minute ago. */
    protected String givenUnpaidOrder() {
        return givenUnpaidOrder(now().minusSeconds(60));
    }

    private String givenUnpaidOrder(Instant createdAt) {
        String orderId = newOrderId();
        givenUnpaidOrder(orderId, createdAt);
        return orderId;
    }

    /** Now, to the second. */
    protected static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static Payment payment(String transactionId) {
        return new Payment(transactionId, now());
    }

    private static Callable<Boolean> afterBarrier(CyclicBarrier start, Callable<Boolean> transition) {
        return () -> {
            start.await(30, TimeUnit.SECONDS);
            return transition.call();
        };
    }

    private static int wins(List<Future<Boolean>> results) throws Exception {
        int wins = 0;
        for (Future<Boolean> result : results) {
            if (result.get(60, TimeUnit.SECONDS)) {
                wins++;
            }
        }
        return wins;
    }
}
