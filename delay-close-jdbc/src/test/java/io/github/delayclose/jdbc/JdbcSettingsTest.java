package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.HashSet;
import java.util.Set;

import io.github.delayclose.core.spi.OrderStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The settings records and builders: defaults, copies, and what they refuse. No database. */
class JdbcSettingsTest {

    @Test
    void defaultsFollowTheTutorial() {
        assertThat(OrderTable.defaults()).isEqualTo(new OrderTable("tb_order", "id", "order_status", "pay_status",
                "transaction_id", "pay_time", "close_time", "create_time", "update_time", null, null, null));
        assertThat(OrderLogTable.defaults()).isEqualTo(new OrderLogTable("tb_order_log", "id", "operater",
                "operate_time", "order_id", "order_status", "pay_status"));
        assertThat(OrderItemTable.defaults()).isEqualTo(new OrderItemTable("tb_order_item", "order_id", "sku_id", "num"));
        assertThat(SkuTable.defaults()).isEqualTo(new SkuTable("tb_sku", "id", "num", "sale_num"));
        assertThat(StockRestoreTable.defaults()).isEqualTo(new StockRestoreTable("tb_stock_restore", "order_id"));
        assertThat(OrderStatusCodes.defaults()).isEqualTo(new OrderStatusCodes("0", "1", "4", "0", "1"));
    }

    @Test
    void withMethodsChangeOneSetting() {
        assertThat(OrderTable.defaults().withName("shop.orders").withStatusColumn("state"))
                .isEqualTo(new OrderTable("shop.orders", "id", "state", "pay_status", "transaction_id", "pay_time",
                        "close_time", "create_time", "update_time", null, null, null));
        assertThat(SkuTable.defaults().withStockColumn("stock")).isEqualTo(new SkuTable("tb_sku", "id", "stock", "sale_num"));
        assertThat(OrderStatusCodes.defaults().withClosed("9")).isEqualTo(new OrderStatusCodes("0", "1", "9", "0", "1"));
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = { "tb_order; DROP TABLE tb_sku", "tb`order", "tb order", "1order", "a.b.c", ".tb_order",
            "tb_order.", "tb-order", "ordér", "o'rder",
            "a_name_of_sixty_five_characters_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" })
    void tableNamesThatAreNotPlainIdentifiersAreRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderTable.defaults().withName(name))
                .withMessageStartingWith("OrderTable.name must be a plain SQL table name");
    }

    @ParameterizedTest
    @EmptySource
    @ValueSource(strings = { "status = status", "shop.order_status", "order_status--", "`x`" })
    void columnNamesThatAreNotPlainIdentifiersAreRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> SkuTable.defaults().withStockColumn(name))
                .withMessageStartingWith("SkuTable.stockColumn must be a plain SQL identifier");
    }

    @Test
    void nullNamesStandForTheTutorialsNames() {
        assertThat(new SkuTable(null, null, "stock", null)).isEqualTo(SkuTable.defaults().withStockColumn("stock"));
        assertThat(OrderTable.defaults().withName(null)).isEqualTo(OrderTable.defaults());
    }

    @Test
    void errorMessageSaysWhatToFix() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderLogTable.defaults().withOperatorColumn("who; --"))
                .withMessage("OrderLogTable.operatorColumn must be a plain SQL identifier (letters, digits and "
                        + "underscores, not starting with a digit, at most 64 characters), but was 'who; --'");
    }

    @Test
    void plainAndQualifiedNamesAreAcceptedAndQuoted() {
        assertThat(new OrderTable("shop.Order_2", "id", "s", "p", "t", "pt", "ct", "c", "u", null, null, null).name()).isEqualTo("shop.Order_2");
        assertThat(SqlIdentifier.quote("shop.order")).isEqualTo("`shop`.`order`");
        assertThat(SqlIdentifier.quote("order")).isEqualTo("`order`");
    }

    @Test
    void statusCodesMustDifferAndNotBeBlank() {
        assertThatIllegalArgumentException().isThrownBy(() -> OrderStatusCodes.defaults().withClosed("0"))
                .withMessage("OrderStatusCodes unpaid, paid and closed must differ, but were '0', '1' and '0'");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderStatusCodes.defaults().withPayStatusPaid("0"))
                .withMessage("OrderStatusCodes payStatusUnpaid and payStatusPaid must differ, but both were '0'");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderStatusCodes.defaults().withPaid(" "))
                .withMessage("OrderStatusCodes.paid must not be blank");
        assertThat(OrderStatusCodes.defaults().withClosed("9").withUnpaid(null).unpaid())
                .as("null stands for the default").isEqualTo("0");
    }

    @Test
    void storedCodesMapToStatuses() {
        OrderStatusCodes codes = OrderStatusCodes.defaults();

        assertThat(codes.toStatus("0")).isEqualTo(OrderStatus.UNPAID);
        assertThat(codes.toStatus("1")).isEqualTo(OrderStatus.PAID);
        assertThat(codes.toStatus("4")).isEqualTo(OrderStatus.CLOSED);
        assertThat(codes.toStatus("2")).as("shipped").isEqualTo(OrderStatus.PAID);
    }

    @Test
    void buildersCheckTheirArguments() {
        DriverManagerDataSource unused = new DriverManagerDataSource();

        assertThatNullPointerException().isThrownBy(() -> JdbcOrderRepository.builder(null)).withMessage("dataSource");
        assertThatNullPointerException().isThrownBy(() -> JdbcOrderRepository.builder(unused).zone(null))
                .withMessage("zone");
        assertThatIllegalArgumentException().isThrownBy(() -> JdbcOrderRepository.builder(unused).operator(""))
                .withMessage("operator must not be blank");
        assertThatNullPointerException().isThrownBy(() -> JdbcStockRestorer.builder(unused).skuTable(null))
                .withMessage("skuTable");
    }

    @Test
    void logIdsAreUniqueIncreasingAndAtMostNineteenDigits() {
        TimeOrderedIds ids = new TimeOrderedIds();
        Set<String> seen = new HashSet<>();
        long previous = 0;
        for (int i = 0; i < 20_000; i++) {
            String id = ids.get();
            assertThat(id).matches("[1-9][0-9]{0,18}");
            long value = Long.parseLong(id);
            assertThat(value).isGreaterThan(previous);
            previous = value;
            seen.add(id);
        }
        assertThat(seen).hasSize(20_000);
    }
}
