package io.github.delayclose.autoconfigure;

import java.util.Optional;

import javax.sql.DataSource;

import io.github.delayclose.autoconfigure.doubles.InMemoryOrders;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.defaults.jdbc.JdbcOrderRepository;
import io.github.delayclose.defaults.jdbc.JdbcStockRestorer;
import io.github.delayclose.defaults.jdbc.OrderItemTable;
import io.github.delayclose.defaults.jdbc.OrderLogTable;
import io.github.delayclose.defaults.jdbc.OrderStatusCodes;
import io.github.delayclose.defaults.jdbc.OrderTable;
import io.github.delayclose.defaults.jdbc.SkuTable;
import io.github.delayclose.defaults.jdbc.StockRestoreTable;
import io.github.delayclose.defaults.wxpay.WxPayPaymentGateway;
import io.github.delayclose.defaults.wxpay.WxPaySettings;
import io.github.delayclose.defaults.wxpay.WxPaySignType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Wiring of the ready-made SPI implementations from their properties. No service is contacted. */
@ExtendWith(OutputCaptureExtension.class)
class DelayCloseDefaultsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DelayCloseDefaultsAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/none"));

    private static final String[] WXPAY = { "delay-close.wxpay.app-id=wx0000000000000001",
            "delay-close.wxpay.mch-id=1900000109", "delay-close.wxpay.api-key=0123456789abcdef0123456789abcdef" };

    @Test
    void nothingUnlessAskedFor() {
        runner.run(context -> assertThat(context).doesNotHaveBean(OrderRepository.class)
                .doesNotHaveBean(StockRestorer.class).doesNotHaveBean(PaymentGateway.class));
    }

    @Test
    void jdbcDefaultsOnTheApplicationsDataSource() {
        runner.withPropertyValues("delay-close.jdbc.enabled=true").run(context -> assertThat(context)
                .hasSingleBean(JdbcOrderRepository.class).hasSingleBean(JdbcStockRestorer.class));
    }

    @Test
    void applicationsOwnRepositoryWins() {
        runner.withPropertyValues("delay-close.jdbc.enabled=true").withBean(InMemoryOrders.class, InMemoryOrders::new)
                .run(context -> assertThat(context).hasSingleBean(OrderRepository.class)
                        .doesNotHaveBean(JdbcOrderRepository.class).hasSingleBean(JdbcStockRestorer.class));
    }

    @Test
    void jdbcNeedsADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DelayCloseDefaultsAutoConfiguration.class))
                .withPropertyValues("delay-close.jdbc.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(JdbcOrderRepository.class));
    }

    @Test
    void twoDataSourcesWithoutAPrimaryLeaveTheJdbcDefaultsOff() {
        runner.withBean("otherDataSource", DataSource.class, () -> new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/other"))
                .withPropertyValues("delay-close.jdbc.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(JdbcOrderRepository.class));
    }

    @Test
    void badTableNameFailsStartUp() {
        runner.withPropertyValues("delay-close.jdbc.enabled=true", "delay-close.jdbc.order-table.name=tb_order; drop table x")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("must be a plain SQL table name"));
    }

    @Test
    void propertyDefaultsAreTheTutorialSchema() {
        DelayCloseJdbcProperties properties = new DelayCloseJdbcProperties();
        assertThat(properties.getOrderTable().toOrderTable()).isEqualTo(OrderTable.defaults());
        assertThat(properties.getOrderLogTable().toOrderLogTable()).isEqualTo(OrderLogTable.defaults());
        assertThat(properties.getOrderItemTable().toOrderItemTable()).isEqualTo(OrderItemTable.defaults());
        assertThat(properties.getSkuTable().toSkuTable()).isEqualTo(SkuTable.defaults());
        assertThat(properties.getStockRestoreTable().toStockRestoreTable()).isEqualTo(StockRestoreTable.defaults());
        assertThat(properties.getStatusCodes().toOrderStatusCodes()).isEqualTo(OrderStatusCodes.defaults());
    }

    @Test
    void wxPayGatewayFromProperties() {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.wxpay.sign-type=hmac-sha256",
                "delay-close.wxpay.base-url=http://127.0.0.1:18080").run(context -> {
                    assertThat(context).hasSingleBean(WxPayPaymentGateway.class);
                    WxPaySettings settings = context.getBean(DelayCloseWxPayProperties.class).toSettings();
                    assertThat(settings.signType()).isEqualTo(WxPaySignType.HMAC_SHA256);
                    assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:18080");
                    assertThat(context.getBean(WxPayPaymentGateway.class).toString())
                            .doesNotContain("0123456789abcdef0123456789abcdef");
                });
    }

    @Test
    void propertyDefaultsAreWeChatsOwn() {
        WxPaySettings fromProperties = new DelayCloseWxPayProperties() {
            {
                setAppId("wx1");
                setMchId("1");
                setApiKey("k");
            }
        }.toSettings();
        assertThat(fromProperties).isEqualTo(WxPaySettings.of("wx1", "1", "k"));
    }

    @Test
    void missingMerchantIdNamesTheProperty() {
        runner.withPropertyValues("delay-close.wxpay.app-id=wx1", "delay-close.wxpay.api-key=k")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("mchId must be set"));
        runner.withPropertyValues("delay-close.wxpay.app-id=wx1", "delay-close.wxpay.api-key=k")
                .run(context -> assertThat(Optional.ofNullable(context.getStartupFailure()).map(Throwable::toString))
                        .hasValueSatisfying(text -> assertThat(text).contains("delay-close.wxpay")));
    }

    @Test
    void applicationsOwnGatewayWins() {
        runner.withPropertyValues(WXPAY)
                .withBean(PaymentGateway.class, () -> new io.github.delayclose.autoconfigure.doubles.ScriptedGateway())
                .run(context -> assertThat(context).doesNotHaveBean(WxPayPaymentGateway.class));
    }

    @Test
    void noGatewayWithoutTheSdk() {
        runner.withPropertyValues(WXPAY).withClassLoader(new FilteredClassLoader("com.github.wxpay.sdk"))
                .run(context -> assertThat(context).doesNotHaveBean(PaymentGateway.class));
    }

    @Test
    void timeoutShorterThanWeChatsCloseDelayIsWarnedAbout(CapturedOutput output) {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.timeout=60s")
                .run(context -> assertThat(context).hasSingleBean(WxPayPaymentGateway.class));
        assertThat(output).contains("5 minutes");
    }

    @Test
    void noWarningForTheDefaultTimeout(CapturedOutput output) {
        runner.withPropertyValues(WXPAY).run(context -> assertThat(context).hasSingleBean(WxPayPaymentGateway.class));
        assertThat(output).doesNotContain("5 minutes");
    }

    @Test
    void disabledTurnsTheDefaultsOffToo() {
        runner.withPropertyValues(WXPAY).withPropertyValues("delay-close.enabled=false", "delay-close.jdbc.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(PaymentGateway.class)
                        .doesNotHaveBean(OrderRepository.class));
    }
}
