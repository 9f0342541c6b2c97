package io.github.delayclose.it;

import io.github.delayclose.test.services.TestTopology;
import java.time.Duration;
import java.util.UUID;

import io.github.delayclose.core.schedule.OrderTimeoutScheduler;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.wxpay.simulator.MerchantAccount;
import io.github.delayclose.wxpay.simulator.SimulatedTradeState;
import io.github.delayclose.wxpay.simulator.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter with the ready-made implementations only, as a shop would run it: the reference
 * schema migrated into real MariaDB, the JDBC repository and restorer, the WeChat Pay v2 gateway
 * talking signed XML over HTTP to the local simulator, and the real broker.
 */
@SpringBootTest(classes = DefaultsEndToEndIT.ShopApplication.class, properties = {
        "delay-close.timeout=1s",
        "delay-close.retry.max-attempts=4",
        "delay-close.retry.initial-interval=200ms",
        "delay-close.retry.multiplier=2",
        "delay-close.sweep.enabled=false",
        "delay-close.jdbc.enabled=true",
        "delay-close.wxpay.app-id=wx2421b1c4370ec43b",
        "delay-close.wxpay.mch-id=10000100",
        "delay-close.wxpay.api-key=192006250b4c09247ec02edce69f6a2d",
        "delay-close.wxpay.read-timeout=2s",
        "spring.flyway.locations=classpath:db/delay-close/mysql" })
class DefaultsEndToEndIT {

    private static final String PREFIX = TestTopology.uniquePrefix("defaults");

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final SimulatorServer wechat = SimulatorServer.start(
            new MerchantAccount("wx2421b1c4370ec43b", "10000100", "192006250b4c09247ec02edce69f6a2d"));

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestServices.rabbit().register(registry);
        TestServices.mariaDb("delay_close_starter_defaults").register(registry);
        registry.add("delay-close.wxpay.base-url", wechat::baseUrl);
        TestTopology.register(registry, PREFIX);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OrderTimeoutScheduler scheduler;

    @AfterAll
    static void cleanUp(@Autowired org.springframework.context.ApplicationContext context) {
        TestTopology.delete(context);
        wechat.stop();
    }

    /** An order of 2 units of a fresh SKU with 10 in stock (8 left after the order), created and scheduled in one transaction. */
    private String placeOrder() {
        String orderId = "E" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        transactions.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO tb_sku (id, num, sale_num) VALUES (?, 8, 2)", "sku-" + orderId);
            jdbc.update("INSERT INTO tb_order (id, order_status, pay_status, create_time) VALUES (?, '0', '0', NOW())", orderId);
            jdbc.update("INSERT INTO tb_order_item (id, order_id, sku_id, num) VALUES (?, ?, ?, 2)", "i-" + orderId, orderId,
                    "sku-" + orderId);
            wechat.simulator().createOrder(orderId);
            scheduler.schedule(orderId);
        });
        return orderId;
    }

    private String status(String orderId) {
        return jdbc.queryForObject("SELECT order_status FROM tb_order WHERE id = ?", String.class, orderId);
    }

    private int stock(String orderId) {
        return jdbc.queryForObject("SELECT num FROM tb_sku WHERE id = ?", Integer.class, "sku-" + orderId);
    }

    @Test
    void unpaidOrderIsClosedAtWeChatAndLocallyWithItsStockBack() {
        String orderId = placeOrder();

        await().atMost(PATIENCE).until(() -> status(orderId).equals("4"));
        assertThat(wechat.simulator().order(orderId).orElseThrow().tradeState()).isEqualTo(SimulatedTradeState.CLOSED);
        assertThat(stock(orderId)).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT sale_num FROM tb_sku WHERE id = ?", Integer.class, "sku-" + orderId)).isZero();
        assertThat(jdbc.queryForList("SELECT order_status FROM tb_order_log WHERE order_id = ? AND operater = 'system'",
                String.class, orderId)).containsExactly("4");
    }

    @Test
    void paymentWithoutNotificationIsCompensatedWithWeChatsTransactionId() {
        String orderId = placeOrder();
        String transactionId = wechat.simulator().pay(orderId).transactionId().orElseThrow();

        await().atMost(PATIENCE).until(() -> status(orderId).equals("1"));
        assertThat(jdbc.queryForObject("SELECT transaction_id FROM tb_order WHERE id = ?", String.class, orderId))
                .isEqualTo(transactionId);
        assertThat(stock(orderId)).isEqualTo(8);
    }

    @Test
    void systemErrorsAndBadSignaturesAreRetriedNeverActedOn() {
        String orderId = placeOrder();
        wechat.simulator().failNextFor(orderId, 1, "SYSTEMERROR");
        wechat.simulator().badSignatureNext(1);

        await().atMost(PATIENCE).until(() -> status(orderId).equals("4"));
        assertThat(stock(orderId)).isEqualTo(10);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class ShopApplication {
    }
}
