package io.github.delayclose.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.delayclose.core.metrics.MicrometerDelayCloseMetrics;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.publish.ConfirmedPublisher;
import io.github.delayclose.core.publish.PublishBudget;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.topology.DelayRoutes;
import io.github.delayclose.core.topology.DelayTopology;
import io.github.delayclose.core.topology.QueueType;
import io.github.delayclose.core.topology.RetryBackoff;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * What the scheduler refuses at once, in the caller's code and before the caller's transaction
 * commits: ids the payment provider would refuse, and per-order deadlines a repository cannot store.
 * Nothing here reaches a broker: every refusal happens before publishing.
 */
class OrderTimeoutSchedulerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);

    /** WeChat Pay's out_trade_no rule, as its gateway states it. */
    private static final OrderIdRules WECHAT = OrderIdRules.of("[A-Za-z0-9_\\-|*@]{1,32}",
            "WeChat Pay's out_trade_no: 1 to 32 letters, digits or _-|*@");

    /** A repository that stores no deadlines and records what it was asked. */
    static class StatusOnlyOrders implements OrderRepository {


        @Override
        public Optional<OrderStatus> findStatus(String orderId) {
            return Optional.of(OrderStatus.UNPAID);
        }

        @Override
        public boolean markClosed(String orderId, Instant closedAt) {
            return false;
        }

        @Override
        public boolean markPaid(String orderId, Payment payment) {
            return false;
        }
    }

    private final StatusOnlyOrders orders = new StatusOnlyOrders();
    private final List<Object> events = new ArrayList<>();

    private OrderTimeoutScheduler scheduler(OrderRepository repository) {
        CachingConnectionFactory confirming = new CachingConnectionFactory("127.0.0.1", 1); // never connected here
        confirming.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        confirming.setPublisherReturns(true);
        BudgetedPublisher publisher = new BudgetedPublisher(
                new ConfirmedPublisher(new RabbitTemplate(confirming), Duration.ofSeconds(1)),
                new PublishBudget(Duration.ZERO, Duration.ZERO, Duration.ZERO), Runnable::run, 1);
        DelayTopology topology = new DelayTopology("q.delay", "x.dlx", "q.timeout", "q.parking", QueueType.CLASSIC,
                Duration.ofMinutes(30), new RetryBackoff(2, Duration.ofSeconds(1), 2, Duration.ofSeconds(1)),
                Duration.ofSeconds(30));
        return new OrderTimeoutScheduler(publisher, new DelayRoutes(topology, CLOCK), Duration.ofMinutes(30), WECHAT,
                repository, events::add, new MicrometerDelayCloseMetrics(new SimpleMeterRegistry()), CLOCK);
    }

    @Test
    void anIdThePaymentProviderWouldRefuseFailsAtOnceNamingTheRule() {
        OrderTimeoutScheduler scheduler = scheduler(orders);

        assertThatIllegalArgumentException().isThrownBy(() -> scheduler.schedule("2026.01.01:42"))
                .withMessageContaining("WeChat Pay's out_trade_no").withMessageContaining("'2026.01.01:42'");
        assertThatIllegalArgumentException().isThrownBy(() -> scheduler.schedule("a".repeat(33)))
                .withMessageContaining("1 to 32");
        assertThatIllegalArgumentException().isThrownBy(() -> scheduler.schedule(" padded"))
                .withMessageContaining("order id");
        assertThat(events).as("nothing reported: nothing was scheduled").isEmpty();
    }

    @Test
    void perOrderDeadlinesNeedARepositoryThatStoresThem() {
        OrderTimeoutScheduler scheduler = scheduler(orders);

        assertThatIllegalStateException().isThrownBy(() -> scheduler.schedule("o1", Duration.ofHours(2)))
                .withMessageContaining("must store deadlines")
                .withMessageContaining("delay-close.jdbc.order-table.deadline-column");
        assertThatIllegalStateException().isThrownBy(() -> scheduler.schedule("o1", CLOCK.instant().plusSeconds(90)))
                .withMessageContaining("must store deadlines");
        assertThatIllegalStateException().isThrownBy(() -> scheduler.reschedule("o1", CLOCK.instant().plusSeconds(90)))
                .withMessageContaining("move an order's deadline");
    }

    @Test
    void aWindowThatIsNotPositiveIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> scheduler(orders).schedule("o1", Duration.ZERO))
                .withMessageContaining("must be positive");
    }

    @Test
    void movingTheDeadlineOfAnOrderThatIsNoLongerUnpaidSendsNothing() {
        OrderRepository closedOrders = new StatusOnlyOrders() {
            @Override
            public boolean storesDeadlines() {
                return true;
            }

            @Override
            public boolean recordDeadline(String orderId, Instant deadline) {
                return false; // closed or paid meanwhile
            }
        };

        assertThat(scheduler(closedOrders).reschedule("o1", CLOCK.instant().plusSeconds(300))).isFalse();
        assertThat(events).isEmpty();
    }
}
