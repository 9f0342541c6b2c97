package io.github.delayclose.test.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.close.TimeoutOutcome;
import io.github.delayclose.core.gateway.RoutingPaymentGateway;
import io.github.delayclose.core.metrics.DelayCloseMetrics;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.core.spi.OrderIdRules;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.test.doubles.InMemoryOrderRepository;
import io.github.delayclose.test.doubles.InMemoryPaymentGateway;
import io.github.delayclose.test.doubles.InMemoryStockRestorer;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** Each order is checked on its own channel; an order of unknown channel on all of them. */
class RoutingPaymentGatewayTest {

    private final InMemoryPaymentGateway wxpay = new InMemoryPaymentGateway();

    private final InMemoryPaymentGateway alipay = new InMemoryPaymentGateway();

    private final RoutingPaymentGateway routing = new RoutingPaymentGateway(channels(wxpay, alipay));

    private static Map<String, PaymentGateway> channels(PaymentGateway wxpay, PaymentGateway alipay) {
        Map<String, PaymentGateway> byChannel = new LinkedHashMap<>();
        byChannel.put("wxpay", wxpay);
        byChannel.put("alipay", alipay);
        return byChannel;
    }

    @Test
    void anOrderOfAKnownChannelIsAskedAboutOnThatChannelOnly() {
        alipay.setTradeState("o1", TradeState.NOTPAY);

        assertThat(routing.queryTrade("o1", "ALIPAY").state()).as("channel names ignore case").isEqualTo(TradeState.NOTPAY);
        assertThat(routing.closeOrder("o1", "alipay")).isEqualTo(TradeCloseResult.CLOSED);

        assertThat(wxpay.queriesFor("o1") + wxpay.closesFor("o1")).as("calls to WeChat Pay").isZero();
        assertThat(alipay.tradeState("o1")).isEqualTo(TradeState.CLOSED);
    }

    @Test
    void aChannelWithoutAGatewayIsAnErrorNamingIt() {
        assertThatExceptionOfType(PaymentGatewayException.class)
                .isThrownBy(() -> routing.queryTrade("o1", "unionpay"))
                .withMessageContaining("'unionpay'")
                .withMessageContaining("[wxpay, alipay]");
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> routing.closeOrder("o1", "unionpay"));
        assertThat(wxpay.queriesFor("o1") + alipay.queriesFor("o1")).isZero();
    }

    @Test
    void anOrderOfUnknownChannelPaidOnAnyChannelIsPaidEvenWhenAnotherChannelFails() {
        wxpay.becomeUnreachable("connect timed out");
        alipay.pay("o1", new Payment("2026120222001", Instant.parse("2026-12-02T08:00:00Z"), 100L));

        TradeReport answer = routing.queryTrade("o1");

        assertThat(answer.state()).isEqualTo(TradeState.SUCCESS);
        assertThat(answer.payment()).hasValueSatisfying(
                payment -> assertThat(payment.transactionId()).isEqualTo("2026120222001"));
    }

    @Test
    void anOrderOfUnknownChannelIsNotTakenAsUnpaidWhileAChannelCannotAnswer() {
        wxpay.setTradeState("o1", TradeState.NOTPAY);
        alipay.failNextCall("o1", "ACQ.SYSTEM_ERROR");

        assertThatExceptionOfType(PaymentGatewayException.class)
                .isThrownBy(() -> routing.queryTrade("o1"))
                .withMessageContaining("alipay")
                .withMessageContaining("ACQ.SYSTEM_ERROR");
    }

    @Test
    void anOrderOfUnknownChannelTakesTheMostTellingState() {
        wxpay.setTradeState("paying", TradeState.NOTPAY);
        alipay.setTradeState("paying", TradeState.USERPAYING);
        wxpay.setTradeState("open", TradeState.CLOSED);
        alipay.setTradeState("open", TradeState.NOTPAY);
        wxpay.setTradeState("closed", TradeState.NOT_FOUND);
        alipay.setTradeState("closed", TradeState.CLOSED);
        wxpay.setTradeState("nowhere", TradeState.NOT_FOUND);
        alipay.setTradeState("nowhere", TradeState.NOT_FOUND);

        assertThat(routing.queryTrade("paying").state()).isEqualTo(TradeState.USERPAYING);
        assertThat(routing.queryTrade("open").state()).isEqualTo(TradeState.NOTPAY);
        assertThat(routing.queryTrade("closed").state()).isEqualTo(TradeState.CLOSED);
        assertThat(routing.queryTrade("nowhere").state()).isEqualTo(TradeState.NOT_FOUND);
    }

    @Test
    void closingAnOrderOfUnknownChannelClosesItAtEachProviderThatKnowsIt() {
        wxpay.setTradeState("both", TradeState.NOTPAY);
        alipay.setTradeState("both", TradeState.NOTPAY);
        wxpay.setTradeState("wx", TradeState.NOTPAY);
        alipay.setTradeState("wx", TradeState.NOT_FOUND);

        assertThat(routing.closeOrder("both")).isEqualTo(TradeCloseResult.CLOSED);
        assertThat(routing.closeOrder("wx")).isEqualTo(TradeCloseResult.CLOSED);

        assertThat(wxpay.tradeState("both")).isEqualTo(TradeState.CLOSED);
        assertThat(alipay.tradeState("both")).isEqualTo(TradeState.CLOSED);
        assertThat(wxpay.tradeState("wx")).isEqualTo(TradeState.CLOSED);
        assertThat(alipay.closesFor("wx")).as("no close where the provider has no trade").isZero();
    }

    @Test
    void closingAnOrderOfUnknownChannelPaidOnOneChannelIsAlreadyPaid() {
        wxpay.setTradeState("o1", TradeState.NOTPAY);
        alipay.setTradeState("o1", TradeState.SUCCESS);

        assertThat(routing.closeOrder("o1")).isEqualTo(TradeCloseResult.ALREADY_PAID);
    }

    @Test
    void theOrderCloserClosesAnOrderOnlyWhenNoChannelReportsItPaid() {
        InMemoryOrderRepository orders = new InMemoryOrderRepository();
        InMemoryStockRestorer stock = new InMemoryStockRestorer();
        OrderCloser closer = new OrderCloser(orders, routing, stock,
                new PaymentRecorder(orders, event -> { }, DelayCloseMetrics.none()), TransactionOperations.withoutTransaction(),
                Clock.systemUTC());
        orders.create("unpaid");
        wxpay.setTradeState("unpaid", TradeState.NOTPAY);
        alipay.setTradeState("unpaid", TradeState.NOT_FOUND);
        orders.create("paidWithAlipay");
        wxpay.setTradeState("paidWithAlipay", TradeState.NOTPAY);
        alipay.setTradeState("paidWithAlipay", TradeState.SUCCESS);
        orders.create("chose");
        orders.choseChannel("chose", "alipay");
        alipay.setTradeState("chose", TradeState.NOTPAY);

        assertThat(closer.close("unpaid")).isEqualTo(TimeoutOutcome.CLOSED);
        assertThat(closer.close("paidWithAlipay")).isEqualTo(TimeoutOutcome.COMPENSATED_AS_PAID);
        assertThat(closer.close("chose")).isEqualTo(TimeoutOutcome.CLOSED);

        assertThat(orders.status("unpaid")).isEqualTo(OrderStatus.CLOSED);
        assertThat(wxpay.tradeState("unpaid")).isEqualTo(TradeState.CLOSED);
        assertThat(orders.status("paidWithAlipay")).isEqualTo(OrderStatus.PAID);
        assertThat(wxpay.tradeState("paidWithAlipay")).as("left open: the order is paid").isEqualTo(TradeState.NOTPAY);
        assertThat(alipay.tradeState("chose")).isEqualTo(TradeState.CLOSED);
        assertThat(wxpay.queriesFor("chose")).as("an order of a known channel is not asked about elsewhere").isZero();
    }

    @Test
    void orderIdsMustSuitEveryChannel() {
        PaymentGateway shortIds = new Named("wxpay", OrderIdRules.of("[0-9]{1,32}", "1 to 32 digits"));
        PaymentGateway lettersToo = new Named("alipay", OrderIdRules.of("[A-Za-z0-9]{1,64}", "1 to 64 letters or digits"));
        RoutingPaymentGateway both = new RoutingPaymentGateway(channels(shortIds, lettersToo));

        assertThat(both.orderIdRules().accepts("12345")).isTrue();
        assertThat(both.orderIdRules().accepts("abc")).isFalse();
        assertThat(both.orderIdRules().accepts("1".repeat(33))).isFalse();
    }

    @Test
    void oneGatewayPerChannel() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RoutingPaymentGateway.of(List.of(new Named("wxpay", OrderIdRules.ANY),
                        new Named("WXPAY", OrderIdRules.ANY))))
                .withMessageContaining("two payment gateways serve channel 'wxpay'");
        assertThat(RoutingPaymentGateway.of(List.of(new Named("wxpay", OrderIdRules.ANY),
                new Named("alipay", OrderIdRules.ANY))).channels()).containsExactly("wxpay", "alipay");
    }

    /** A gateway that only names its channel and its rules. */
    private record Named(String channel, OrderIdRules orderIdRules) implements ChannelPaymentGateway {

        @Override
        public TradeReport queryTrade(String orderId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TradeCloseResult closeOrder(String orderId) {
            throw new UnsupportedOperationException();
        }
    }
}
