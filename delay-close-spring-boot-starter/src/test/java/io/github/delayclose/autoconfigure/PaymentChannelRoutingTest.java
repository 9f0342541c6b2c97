package io.github.delayclose.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With a gateway per payment channel, each order is closed on its own channel. */
class PaymentChannelRoutingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class, DelayCloseAutoConfiguration.class))
            .withUserConfiguration(OrdersAndStock.class)
            .withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=1",
                    "delay-close.listener.auto-startup=false", "delay-close.sweep.enabled=false");

    @Test
    void eachOrderIsClosedOnTheChannelItWasPaidThrough() {
        runner.withUserConfiguration(TwoChannels.class).run(context -> {
            InMemoryOrderRepository orders = context.getBean(InMemoryOrderRepository.class);
            InMemoryPaymentGateway wxpay = context.getBean(TwoChannels.class).wxpay;
            InMemoryPaymentGateway alipay = context.getBean(TwoChannels.class).alipay;
            orders.create("ali-1");
            orders.choseChannel("ali-1", "alipay");
            alipay.setTradeState("ali-1", TradeState.NOTPAY);
            orders.create("unknown-1");
            wxpay.setTradeState("unknown-1", TradeState.NOTPAY);
            alipay.setTradeState("unknown-1", TradeState.SUCCESS);

            OrderCloser closer = context.getBean(OrderCloser.class);

            assertThat(closer.close("ali-1")).isEqualTo(TimeoutOutcome.CLOSED);
            assertThat(alipay.tradeState("ali-1")).isEqualTo(TradeState.CLOSED);
            assertThat(wxpay.queriesFor("ali-1")).isZero();
            assertThat(closer.close("unknown-1")).isEqualTo(TimeoutOutcome.COMPENSATED_AS_PAID);
            assertThat(orders.status("unknown-1")).isEqualTo(OrderStatus.PAID);
        });
    }

    @Test
    void aGatewayThatServesNoChannelBesideOthersFailsStartUpSayingWhatToDo() {
        runner.withUserConfiguration(TwoChannels.class, PlainGateway.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("mark the one to use @Primary")
                    .hasMessageContaining(ChannelPaymentGateway.class.getName());
        });
    }

    @Test
    void aPrimaryGatewayIsUsedAlone() {
        runner.withUserConfiguration(TwoChannels.class, PrimaryGateway.class).run(context -> {
            InMemoryOrderRepository orders = context.getBean(InMemoryOrderRepository.class);
            orders.create("o1");
            orders.choseChannel("o1", "alipay");

            assertThat(context.getBean(OrderCloser.class).close("o1")).isEqualTo(TimeoutOutcome.CLOSED);
            assertThat(context.getBean(PrimaryGateway.class).gateway.closesFor("o1")).isOne();
            assertThat(context.getBean(TwoChannels.class).alipay.queriesFor("o1")).isZero();
        });
    }

    /** An in-memory provider that serves a channel. */
    record OnChannel(String channel, PaymentGateway provider) implements ChannelPaymentGateway {

        @Override
        public TradeReport queryTrade(String orderId) {
            return provider.queryTrade(orderId);
        }

        @Override
        public TradeCloseResult closeOrder(String orderId) {
            return provider.closeOrder(orderId);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OrdersAndStock {

        @Bean
        InMemoryOrderRepository orders() {
            return new InMemoryOrderRepository();
        }

        @Bean
        InMemoryStockRestorer stock() {
            return new InMemoryStockRestorer();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoChannels {

        final InMemoryPaymentGateway wxpay = new InMemoryPaymentGateway();

        final InMemoryPaymentGateway alipay = new InMemoryPaymentGateway();

        @Bean
        ChannelPaymentGateway wxpayGateway() {
            return new OnChannel("wxpay", wxpay);
        }

        @Bean
        ChannelPaymentGateway alipayGateway() {
            return new OnChannel("alipay", alipay);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PlainGateway {

        @Bean
        PaymentGateway plainGateway() {
            return new InMemoryPaymentGateway();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryGateway {

        final InMemoryPaymentGateway gateway = new InMemoryPaymentGateway();

        @Bean
        @org.springframework.context.annotation.Primary
        PaymentGateway primaryGateway() {
            return gateway;
        }
    }
}
