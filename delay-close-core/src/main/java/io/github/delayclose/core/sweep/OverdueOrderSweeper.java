package io.github.delayclose.core.sweep;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.github.delayclose.core.message.OrderIdCodec;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.topology.DelayTopology;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The safety net: finds unpaid orders whose payment window plus a grace period has passed (their
 * delay message was never published, or was lost) and sends them to the dead-letter exchange, as
 * if their TTL had just expired. They are then closed by the same listener, with the same retries
 * and parking.
 *
 * <p>Each sweep scans only the orders that became overdue since the previous sweep: the span of
 * creation times {@code [previous cut-off, now - timeout - grace)}. An order is therefore sent at
 * most once by each instance's sweep; one that the listener parked (its provider kept failing) stays
 * in the parking queue for an operator instead of being sent again every minute. The first sweep
 * after start-up looks back {@code lookback} further, to cover the time the application was down.
 *
 * <p>Pages of orders are read and published in one transaction each, so a repository that locks the
 * rows it returns ({@code FOR UPDATE SKIP LOCKED}) keeps other instances off them until they are sent.
 * If a sweep fails, the next one scans the same span again.
 */
public final class OverdueOrderSweeper {

    private static final Log log = LogFactory.getLog(OverdueOrderSweeper.class);

    private final OrderRepository orders;
    private final ConfirmedPublisher publisher;
    private final DelayTopology topology;
    private final Duration grace;
    private final Duration lookback;
    private final int batchSize;
    private final Clock clock;
    private final TransactionOperations transactions;
    private final DelayCloseMetrics metrics;
    private Instant sweptUpTo;

    public OverdueOrderSweeper(OrderRepository orders, ConfirmedPublisher publisher, DelayTopology topology,
            SweepSettings settings, Clock clock, TransactionOperations transactions, DelayCloseMetrics metrics) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.grace = settings.grace();
        this.lookback = settings.lookback();
        this.batchSize = settings.batchSize();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Runs one sweep. Not meant to run concurrently with itself.
     *
     * @return how many overdue orders were sent to the listener
     */
    public synchronized int sweep() {
        Instant cutOff = clock.instant().minus(topology.timeout()).minus(grace);
        Instant from = sweptUpTo != null ? sweptUpTo : cutOff.minus(lookback);
        if (!from.isBefore(cutOff)) {
            return 0;
        }
        OverdueOrder position = OverdueOrder.startOf(from);
        int sent = 0;
        while (true) {
            OverdueOrder scanFrom = position;
            Page page = transactions.execute(tx -> sendPage(scanFrom, cutOff));
            if (page == null || page.orders().isEmpty()) {
                break;
            }
            sent += page.published();
            position = page.orders().get(page.orders().size() - 1);
            if (page.orders().size() < batchSize) {
                break;
            }
        }
        sweptUpTo = cutOff;
        if (sent > 0) {
            metrics.swept(sent);
            log.warn("Sweep found " + sent + " unpaid order(s) created before " + cutOff + " (timeout " + topology.timeout()
                    + " plus grace " + grace + " ago) and sent them to be closed");
        }
        return sent;
    }

    private Page sendPage(OverdueOrder after, Instant createdBefore) {
        List<OverdueOrder> page = orders.findOverdueUnpaid(after, createdBefore, batchSize);
        int published = 0;
        for (OverdueOrder order : page) {
            if (!OrderIdCodec.isValid(order.orderId())) {
                log.error("Sweep skipped order id '" + order.orderId() + "': it cannot be carried in a timeout message");
                continue;
            }
            publisher.publish(topology.deadLetterExchange(), "", OrderIdCodec.toMessage(order.orderId()));
            published++;
        }
        return new Page(page, published);
    }

    private record Page(List<OverdueOrder> orders, int published) {
    }
}
