package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.OverdueOrder;
import io.github.delayclose.core.spi.OverduePosition;
import io.github.delayclose.core.spi.Payment;
import org.junit.jupiter.api.Test;

/**
 * What {@link JdbcOrderRepository} writes beyond the SPI contract: the columns of a transition, the
 * order-log rows, and the conversion of instants in the configured zone.
 */
class JdbcOrderRepositoryIT {

    /** UTC+8 all year, and (almost certainly) not the zone of the machine running the tests. */
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final Instant NOW = Instant.parse("2024-05-01T02:00:00Z");

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 500_000_000);

    private final Shop shop = new Shop(TestDatabase.dataSource(), ShopSchema.TUTORIAL, SHANGHAI);

    private final JdbcOrderRepository repository = JdbcOrderRepository.builder(TestDatabase.dataSource())
            .zone(SHANGHAI)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .build();

    @Test
    void closeWritesStatusTimesAndOneLogRowInTheConfiguredZone() {
        String orderId = unpaidOrder();

        assertThat(repository.markClosed(orderId, Instant.parse("2024-05-01T00:00:00Z"))).isTrue();

        Map<String, Object> order = shop.orderRow(orderId);
        assertThat(order.get("order_status")).isEqualTo("4");
        assertThat(order.get("pay_status")).isEqualTo("0");
        assertThat(order.get("close_time")).isEqualTo(LocalDateTime.parse("2024-05-01T08:00:00"));
        assertThat(order.get("update_time")).isEqualTo(LocalDateTime.parse("2024-05-01T08:00:00"));
        assertThat(order.get("transaction_id")).isNull();
        assertThat(order.get("pay_time")).isNull();
        List<Map<String, Object>> log = shop.logRows(orderId);
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("operater", "system")
                .containsEntry("operate_time", LocalDateTime.parse("2024-05-01T08:00:00"))
                .containsEntry("order_status", "4")
                .containsEntry("pay_status", "0");
        assertThat((String) log.get(0).get("id")).matches("[0-9]{1,19}");
    }

    @Test
    void paymentWritesStatusTransactionTimesAndOneLogRow() {
        String orderId = unpaidOrder();

        assertThat(repository.markPaid(orderId, new Payment("4200001234", Instant.parse("2024-05-01T01:00:00Z"))))
                .isTrue();

        Map<String, Object> order = shop.orderRow(orderId);
        assertThat(order.get("order_status")).isEqualTo("1");
        assertThat(order.get("pay_status")).isEqualTo("1");
        assertThat(order.get("transaction_id")).isEqualTo("4200001234");
        assertThat(order.get("pay_time")).as("when the provider says it was paid")
                .isEqualTo(LocalDateTime.parse("2024-05-01T09:00:00"));
        assertThat(order.get("update_time")).as("when the shop learnt it")
                .isEqualTo(LocalDateTime.parse("2024-05-01T10:00:00"));
        assertThat(order.get("close_time")).isNull();
        List<Map<String, Object>> log = shop.logRows(orderId);
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).containsEntry("operater", "system")
                .containsEntry("operate_time", LocalDateTime.parse("2024-05-01T10:00:00"))
                .containsEntry("order_status", "1")
                .containsEntry("pay_status", "1");
    }

    @Test
    void lostTransitionsWriteNothing() {
        String closed = unpaidOrder();
        repository.markClosed(closed, NOW);
        String paid = unpaidOrder();
        repository.markPaid(paid, new Payment("tx-1", NOW));
        Map<String, Object> closedBefore = shop.orderRow(closed);
        Map<String, Object> paidBefore = shop.orderRow(paid);

        assertThat(repository.markClosed(closed, NOW.plusSeconds(60))).isFalse();
        assertThat(repository.markPaid(closed, new Payment("tx-late", NOW.plusSeconds(60)))).isFalse();
        assertThat(repository.markClosed(paid, NOW.plusSeconds(60))).isFalse();
        assertThat(repository.markPaid(paid, new Payment("tx-2", NOW.plusSeconds(60)))).isFalse();

        assertThat(shop.orderRow(closed)).isEqualTo(closedBefore);
        assertThat(shop.orderRow(paid)).isEqualTo(paidBefore);
        assertThat(shop.logRows(closed)).hasSize(1);
        assertThat(shop.logRows(paid)).hasSize(1);
    }

    @Test
    void overdueSearchComparesCreateTimeInTheConfiguredZoneAndAddsThePaymentWindow() {
        String orderId = nextId();
        // Stored as 2024-05-01 08:00:00, the shop's local time in Shanghai; due 30 minutes later.
        shop.unpaidOrder(orderId, Instant.parse("2024-05-01T00:00:00Z"));

        OverduePosition dayBefore = OverduePosition.startOf(Instant.parse("2024-04-30T00:00:00Z"));
        assertThat(repository.findOverdueUnpaid(dayBefore, Instant.parse("2024-05-01T00:30:01Z"), Integer.MAX_VALUE))
                .contains(new OverdueOrder(orderId, Instant.parse("2024-05-01T00:30:00Z")));
        assertThat(repository.findOverdueUnpaid(dayBefore, Instant.parse("2024-05-01T00:30:00Z"), Integer.MAX_VALUE))
                .extracting(OverdueOrder::orderId).doesNotContain(orderId);
    }

    @Test
    void laterStatusesOfThePaidOrderReadAsPaid() {
        String shipped = nextId();
        shop.order(shipped, "2", NOW);

        assertThat(repository.findStatus(shipped)).contains(OrderStatus.PAID);
        assertThat(repository.markClosed(shipped, NOW)).isFalse();
        assertThat(shop.statusCode(shipped)).contains("2");
    }

    @Test
    void withoutOrderLogTransitionsWriteNoLogRows() {
        JdbcOrderRepository withoutLog = JdbcOrderRepository.builder(TestDatabase.dataSource())
                .withoutOrderLog()
                .build();
        String closed = unpaidOrder();
        String paid = unpaidOrder();

        assertThat(withoutLog.markClosed(closed, NOW)).isTrue();
        assertThat(withoutLog.markPaid(paid, new Payment("tx-1", NOW))).isTrue();

        assertThat(shop.logRows(closed)).isEmpty();
        assertThat(shop.logRows(paid)).isEmpty();
    }

    @Test
    void customNamesGetTheirLogRowsWithTheConfiguredOperatorAndCodes() {
        Shop customShop = new Shop(TestDatabase.dataSource(), ShopSchema.CUSTOM, SHANGHAI);
        JdbcOrderRepository custom = ShopSchema.CUSTOM.repository(TestDatabase.dataSource())
                .zone(SHANGHAI)
                .operator("delay-close")
                .build();
        String closed = nextId();
        customShop.unpaidOrder(closed, NOW);
        String paid = nextId();
        customShop.unpaidOrder(paid, NOW);

        assertThat(custom.markClosed(closed, NOW)).isTrue();
        assertThat(custom.markPaid(paid, new Payment("tx-9", NOW))).isTrue();
        assertThat(custom.markPaid(closed, new Payment("tx-late", NOW))).isFalse();

        assertThat(customShop.orderRow(closed)).containsEntry("state", "CLOSED").containsEntry("paid_state", "N")
                .containsEntry("closed_at", LocalDateTime.parse("2024-05-01T10:00:00"));
        assertThat(customShop.orderRow(paid)).containsEntry("state", "PAID").containsEntry("paid_state", "Y")
                .containsEntry("wx_transaction", "tx-9");
        assertThat(customShop.logRows(closed)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor", "delay-close").containsEntry("state", "CLOSED").containsEntry("paid_state", "N"));
        assertThat(customShop.logRows(paid)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("actor", "delay-close").containsEntry("state", "PAID").containsEntry("paid_state", "Y"));
    }

    @Test
    void customLogIdsAreUsed() {
        AtomicLong logIds = new AtomicLong(System.nanoTime());
        JdbcOrderRepository withIds = JdbcOrderRepository.builder(TestDatabase.dataSource())
                .logIds(() -> "L" + logIds.incrementAndGet())
                .build();
        String orderId = unpaidOrder();

        withIds.markClosed(orderId, NOW);

        assertThat(shop.logRows(orderId)).singleElement()
                .satisfies(row -> assertThat((String) row.get("id")).isEqualTo("L" + logIds.get()));
    }

    @Test
    void overdueSearchRejectsALimitBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> repository.findOverdueUnpaid(OverduePosition.startOf(NOW.minusSeconds(60)), NOW, 0))
                .withMessage("limit must be at least 1, but was 0");
    }

    private String unpaidOrder() {
        String orderId = nextId();
        shop.unpaidOrder(orderId, NOW.minusSeconds(3600));
        return orderId;
    }

    private static String nextId() {
        return Long.toString(IDS.incrementAndGet());
    }
}
