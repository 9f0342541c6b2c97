package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.github.delayclose.core.spi.OrderSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With a channel column, each order's payment channel is read with its status, for routing to its gateway. */
class OrderChannelIT {

    private final ShopSchema schema = ShopSchema.CUSTOM;

    private final Shop shop = new Shop(TestDatabase.dataSource(), schema, ZoneOffset.UTC);

    private final JdbcOrderRepository withChannels = schema.repository(TestDatabase.dataSource())
            .orderTable(schema.orders().withChannelColumn("pay_by"))
            .zone(ZoneOffset.UTC)
            .build();

    @Test
    void theChannelIsReadWithTheOrderAndIsNullUntilChosen() {
        String alipay = newOrder();
        String undecided = newOrder();
        JdbcClient.create(TestDatabase.dataSource())
                .sql("UPDATE `" + TestDatabase.NAME + "`.`order` SET pay_by = 'alipay' WHERE order_no = ?")
                .param(alipay)
                .update();

        assertThat(withChannels.storesChannels()).isTrue();
        assertThat(withChannels.findOrder(alipay)).map(OrderSnapshot::channel).hasValue("alipay");
        assertThat(withChannels.findOrder(undecided)).hasValueSatisfying(order -> assertThat(order.channel()).isNull());
    }

    @Test
    void withoutAChannelColumnNoChannelIsStoredOrRead() {
        JdbcOrderRepository plain = schema.repository(TestDatabase.dataSource()).zone(ZoneOffset.UTC).build();
        String orderId = newOrder();

        assertThat(plain.storesChannels()).isFalse();
        assertThat(plain.findOrder(orderId)).hasValueSatisfying(order -> assertThat(order.channel()).isNull());
    }

    private String newOrder() {
        String orderId = "ch" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        shop.unpaidOrder(orderId, Instant.now());
        return orderId;
    }
}
