package io.github.delayclose.jdbc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.jdbc.JdbcOrderRepository;
import io.github.delayclose.jdbc.JdbcStockRestorer;
import io.github.delayclose.jdbc.OrderItemTable;
import io.github.delayclose.jdbc.OrderLogTable;
import io.github.delayclose.jdbc.OrderStatusCodes;
import io.github.delayclose.jdbc.OrderTable;
import io.github.delayclose.jdbc.SkuTable;
import io.github.delayclose.jdbc.StockRestoreTable;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Wiring of the JDBC repository and restorer from their properties. No service is contacted. */
class DelayCloseJdbcAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DelayCloseJdbcAutoConfiguration.class))
            .withBean(DataSource.class, () -> new DriverManagerDataSource("jdbc:mariadb://127.0.0.1:1/none"));

    @Test
    void nothingUnlessAskedFor() {
        runner.run(context -> assertThat(context).doesNotHaveBean(OrderRepository.class)
                .doesNotHaveBean(StockRestorer.class));
    }

    @Test
    void jdbcDefaultsOnTheApplicationsDataSource() {
        runner.withPropertyValues("delay-close.jdbc.enabled=true").run(context -> assertThat(context)
                .hasSingleBean(JdbcOrderRepository.class).hasSingleBean(JdbcStockRestorer.class));
    }

    @Test
    void applicationsOwnRepositoryWins() {
        runner.withPropertyValues("delay-close.jdbc.enabled=true")
                .withBean(InMemoryOrderRepository.class, InMemoryOrderRepository::new)
                .run(context -> assertThat(context).hasSingleBean(OrderRepository.class)
                        .doesNotHaveBean(JdbcOrderRepository.class).hasSingleBean(JdbcStockRestorer.class));
    }

    @Test
    void jdbcNeedsADataSource() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DelayCloseJdbcAutoConfiguration.class))
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
    void noJdbcWithoutSpringJdbc() {
        runner.withPropertyValues("delay-close.jdbc.enabled=true")
                .withClassLoader(new FilteredClassLoader("org.springframework.jdbc.core"))
                .run(context -> assertThat(context).doesNotHaveBean(OrderRepository.class));
    }

    @Test
    void badTableNameFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("delay-close.jdbc.enabled=true", "delay-close.jdbc.order-table.name=tb_order; drop table x")
                .run(context -> {
                    assertThat(context).getFailure().rootCause().hasMessageContaining("must be a plain SQL table name");
                    assertThat(context).getFailure().hasStackTraceContaining("delay-close.jdbc.order-table");
                });
    }

    @Test
    void propertyDefaultsAreTheTutorialSchema() {
        DelayCloseJdbcProperties properties = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("delay-close.jdbc", DelayCloseJdbcProperties.class);
        assertThat(properties.orderTable()).isEqualTo(OrderTable.defaults());
        assertThat(properties.orderLogTable()).isEqualTo(OrderLogTable.defaults());
        assertThat(properties.orderItemTable()).isEqualTo(OrderItemTable.defaults());
        assertThat(properties.skuTable()).isEqualTo(SkuTable.defaults());
        assertThat(properties.stockRestoreTable()).isEqualTo(StockRestoreTable.defaults());
        assertThat(properties.statusCodes()).isEqualTo(OrderStatusCodes.defaults());
        assertThat(properties.orderTable().name()).isEqualTo("tb_order");
        assertThat(properties.orderLog()).isTrue();
    }

    @Test
    void aPropertyChangesOnlyItsOwnName() {
        DelayCloseJdbcProperties properties = new Binder(new MapConfigurationPropertySource(java.util.Map.of(
                "delay-close.jdbc.order-table.name", "shop_order", "delay-close.jdbc.status-codes.closed", "9")))
                .bindOrCreate("delay-close.jdbc", DelayCloseJdbcProperties.class);
        assertThat(properties.orderTable()).isEqualTo(OrderTable.defaults().withName("shop_order"));
        assertThat(properties.statusCodes()).isEqualTo(OrderStatusCodes.defaults().withClosed("9"));
    }

    @Test
    void disabledTurnsTheDefaultsOffToo() {
        runner.withPropertyValues("delay-close.enabled=false", "delay-close.jdbc.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(OrderRepository.class));
    }
}
