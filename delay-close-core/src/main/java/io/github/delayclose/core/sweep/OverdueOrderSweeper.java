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
import io.github.delayclose.core.topology.DelayTopology;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The safety net: finds unpaid orders older than the payment window plus a grace period (their
 * delay message was never published, or was lost) and sends them to the dead-letter exchange, as
 * if their TTL had just expired. They are then closed by the same listener, with the same retries
 * and parking. Sending an order twice is harmless: closing is idempotent.
 *
 * <p>The lookup and the publishing share one transaction, so a repository that locks the rows it
 * returns ({@code FOR UPDATE SKIP LOCKED}) keeps other instances off them until they are sent.
 */
public final class OverdueOrderSweeper {

    private static final Log log = LogFactory.getLog(OverdueOrderSweeper.class);

    private final OrderRepository orders;
    private final ConfirmedPublisher publisher;
    private final DelayTopology topology;
    private final Duration grace;
    private final int batchSize;
    private final Clock clock;
    private final TransactionOperations transactions;
    private final DelayCloseMetrics metrics;

    public OverdueOrderSweeper(OrderRepository orders, ConfirmedPublisher publisher, DelayTopology topology,
            Duration grace, int batchSize, Clock clock, TransactionOperations transactions, DelayCloseMetrics metrics) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.topology = Objects.requireNonNull(topology, "topology");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.batchSize = batchSize;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        if (batchSize < 1) {
            throw new IllegalArgumentException("sweep batch-size must be at least 1, but was " + batchSize);
        }
    }

    /**
     * Runs one sweep.
     *
     * @return how many overdue orders were sent to the listener
     */
    public int sweep() {
        Integer sent = transactions.execute(tx -> sendOverdue());
        return sent == null ? 0 : sent;
    }

    private int sendOverdue() {
        Instant createdBefore = clock.instant().minus(topology.timeout()).minus(grace);
        List<String> overdue = orders.findOverdueUnpaid(createdBefore, batchSize);
        int sent = 0;
        for (String orderId : overdue) {
            if (!OrderIdCodec.isValid(orderId)) {
                log.error("Sweep skipped order id '" + orderId + "': it cannot be carried in a timeout message");
                continue;
            }
            publisher.publish(topology.deadLetterExchange(), "", OrderIdCodec.toMessage(orderId));
            sent++;
        }
        if (sent > 0) {
            metrics.swept(sent);
            log.warn("Sweep found " + sent + " unpaid order(s) past their payment window plus " + grace
                    + " and sent them to be closed");
        }
        return sent;
    }
}
