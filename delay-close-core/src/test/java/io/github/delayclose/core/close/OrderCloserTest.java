package io.github.delayclose.core.close;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.delayclose.core.doubles.CallLog;
import io.github.delayclose.core.doubles.InMemoryOrderRepository;
import io.github.delayclose.core.doubles.RecordingStockRestorer;
import io.github.delayclose.core.doubles.RecordingTransactions;
import io.github.delayclose.core.doubles.ScriptedPaymentGateway;
import io.github.delayclose.core.metrics.MicrometerDelayCloseMetrics;
import io.github.delayclose.core.payment.LatePaymentEvent;
import io.github.delayclose.core.payment.PaymentRecorder;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.transaction.support.TransactionOperations;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrderCloserTest {

    private static final String ID = "order-42";
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    private static final Payment PAYMENT = new Payment("4200001234202503011234567890", Instant.parse("2025-03-01T10:01:00Z"));

    private final CallLog log = new CallLog();
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(log);
    private final ScriptedPaymentGateway gateway = new ScriptedPaymentGateway(log);
    private final RecordingStockRestorer stock = new RecordingStockRestorer(log);
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final PaymentRecorder payments = new PaymentRecorder(orders, events::add,
            new MicrometerDelayCloseMetrics(new SimpleMeterRegistry()));
    private final OrderCloser closer = closer(TransactionOperations.withoutTransaction());

    private OrderCloser closer(TransactionOperations transactions) {
        return new OrderCloser(orders, gateway, stock, payments, transactions, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void everyScriptedProviderAnswerWasUsed() {
        assertThat(gateway.scriptUsedUp()).as("every scripted provider answer was asked for").isTrue();
    }

    @Test
    void notPaidAtProviderClosesThereThenLocallyAndRestoresStockOnce() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.NOTPAY)).close(TradeCloseResult.CLOSED);

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.CLOSED);

        assertThat(log.calls()).containsExactly(
                "findStatus " + ID, "queryTrade " + ID, "closeOrder " + ID, "markClosed " + ID, "restore " + ID);
        assertThat(orders.status(ID)).isEqualTo(OrderStatus.CLOSED);
        assertThat(orders.closedAt(ID)).contains(NOW);
    }

    @Test
    void alreadyClosedAtProviderWhenWeCloseStillClosesLocally() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.NOTPAY)).close(TradeCloseResult.ALREADY_CLOSED);

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.CLOSED);

        assertThat(log.calls()).containsExactly(
                "findStatus " + ID, "queryTrade " + ID, "closeOrder " + ID, "markClosed " + ID, "restore " + ID);
        assertThat(orders.status(ID)).isEqualTo(OrderStatus.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(value = TradeState.class, names = {"SUCCESS", "REFUND"})
    void paidAtProviderIsCompensatedWithTheProvidersTransactionId(TradeState paidState) {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.paid(paidState, PAYMENT));

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.COMPENSATED_AS_PAID);

        assertThat(log.calls()).containsExactly("findStatus " + ID, "queryTrade " + ID, "markPaid " + ID);
        assertThat(orders.status(ID)).isEqualTo(OrderStatus.PAID);
        assertThat(orders.payment(ID)).contains(PAYMENT);
    }

    @Test
    void closeAnsweredOrderPaidRequeriesAndCompensates() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.NOTPAY))
                .close(TradeCloseResult.ALREADY_PAID)
                .query(TradeReport.paid(TradeState.SUCCESS, PAYMENT));

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.COMPENSATED_AS_PAID);

        assertThat(log.calls()).containsExactly("findStatus " + ID, "queryTrade " + ID, "closeOrder " + ID,
                "queryTrade " + ID, "markPaid " + ID);
        assertThat(orders.status(ID)).isEqualTo(OrderStatus.PAID);
        assertThat(orders.payment(ID)).contains(PAYMENT);
    }

    @Test
    void closeAnsweredOrderPaidButRequeryNotPaidIsAProviderErrorAndChangesNothing() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.NOTPAY))
                .close(TradeCloseResult.ALREADY_PAID)
                .query(TradeReport.unpaid(TradeState.NOTPAY));

        CloseFailedException failure = catchThrowableOfType(CloseFailedException.class, () -> closer.close(ID));

        assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
        assertThat(failure).hasMessageContaining(ID).hasMessageContaining("NOTPAY");
        assertUnchanged();
    }

    @ParameterizedTest
    @EnumSource(value = TradeState.class, names = {"CLOSED", "REVOKED", "PAYERROR", "NOT_FOUND"})
    void nothingToCloseAtProviderClosesLocallyOnly(TradeState providerState) {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(providerState));

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.CLOSED);

        assertThat(log.calls()).containsExactly("findStatus " + ID, "queryTrade " + ID, "markClosed " + ID, "restore " + ID);
        assertThat(orders.status(ID)).isEqualTo(OrderStatus.CLOSED);
        assertThat(orders.closedAt(ID)).contains(NOW);
    }

    @ParameterizedTest
    @EnumSource(value = TradeState.class, names = {"USERPAYING", "ACCEPT"})
    void payerStillPayingChangesNothing(TradeState pending) {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(pending));

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.STILL_PAYING);

        assertThat(log.calls()).containsExactly("findStatus " + ID, "queryTrade " + ID);
        assertThat(orders.status(ID)).isEqualTo(OrderStatus.UNPAID);
    }

    @Test
    void queryFailureIsAProviderErrorAndChangesNothing() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.queryFails("bad signature");

        CloseFailedException failure = catchThrowableOfType(CloseFailedException.class, () -> closer.close(ID));

        assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
        assertThat(failure).hasCauseInstanceOf(PaymentGatewayException.class).hasMessageContaining("bad signature");
        assertThat(log.calls()).containsExactly("findStatus " + ID, "queryTrade " + ID);
        assertUnchanged();
    }

    @Test
    void closeFailureAtProviderIsAProviderErrorAndChangesNothing() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.NOTPAY)).closeFails("SYSTEMERROR");

        CloseFailedException failure = catchThrowableOfType(CloseFailedException.class, () -> closer.close(ID));

        assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
        assertThat(failure).hasCauseInstanceOf(PaymentGatewayException.class).hasMessageContaining("SYSTEMERROR");
        assertThat(log.calls()).containsExactly("findStatus " + ID, "queryTrade " + ID, "closeOrder " + ID);
        assertUnchanged();
    }

    @Test
    void unknownOrderFailsWithOrderNotFoundWithoutAskingTheProvider() {
        CloseFailedException failure = catchThrowableOfType(CloseFailedException.class, () -> closer.close(ID));

        assertThat(failure.reason()).isEqualTo(FailureReason.ORDER_NOT_FOUND);
        assertThat(failure).hasMessageContaining(ID);
        assertThat(log.calls()).containsExactly("findStatus " + ID);
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PAID", "CLOSED"})
    void finalOrderIsLeftAloneWithoutAskingTheProvider(OrderStatus status) {
        orders.with(ID, status);

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.ALREADY_FINAL);

        assertThat(log.calls()).containsExactly("findStatus " + ID);
        assertThat(orders.status(ID)).isEqualTo(status);
    }

    @Test
    void closingTwiceRestoresStockOnce() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.NOTPAY)).close(TradeCloseResult.CLOSED);

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.CLOSED);
        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.ALREADY_FINAL);

        assertThat(log.count("restore " + ID)).isEqualTo(1);
        assertThat(log.count("closeOrder " + ID)).isEqualTo(1);
        assertThat(log.count("queryTrade " + ID)).isEqualTo(1);
        assertThat(orders.status(ID)).isEqualTo(OrderStatus.CLOSED);
    }

    @Test
    void paymentRecordedBetweenQueryAndLocalCloseWinsAndNoStockMoves() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.NOTPAY)).close(TradeCloseResult.CLOSED);
        orders.beforeMarkClosed(id -> orders.set(id, OrderStatus.PAID));

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.ALREADY_FINAL);

        assertThat(orders.status(ID)).isEqualTo(OrderStatus.PAID);
        assertThat(log.calls()).contains("markClosed " + ID).doesNotContain("restore " + ID);
    }

    @Test
    void closeRacingTheCompensationLeavesTheOrderClosed() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.paid(TradeState.SUCCESS, PAYMENT));
        orders.beforeMarkPaid(id -> orders.set(id, OrderStatus.CLOSED));

        assertThat(closer.close(ID)).isEqualTo(TimeoutOutcome.ALREADY_FINAL);

        assertThat(orders.status(ID)).isEqualTo(OrderStatus.CLOSED);
        assertThat(orders.payment(ID)).isEmpty();
        assertThat(events).containsExactly(new LatePaymentEvent(ID, PAYMENT));
    }

    @Test
    void localCloseAndStockRestoreShareOneTransactionAfterTheProviderCalls() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.NOTPAY)).close(TradeCloseResult.CLOSED);

        assertThat(closer(new RecordingTransactions(log)).close(ID)).isEqualTo(TimeoutOutcome.CLOSED);

        assertThat(log.calls()).containsExactly("findStatus " + ID, "queryTrade " + ID, "closeOrder " + ID,
                "begin", "markClosed " + ID, "restore " + ID, "commit");
    }

    @Test
    void failingRestorePropagatesOutOfTheTransactionSoItRollsBack() {
        orders.with(ID, OrderStatus.UNPAID);
        gateway.query(TradeReport.unpaid(TradeState.CLOSED));
        IllegalStateException restoreFailure = new IllegalStateException("stock table locked");
        stock.failWith(restoreFailure);

        Throwable thrown = catchThrowableOfType(IllegalStateException.class,
                () -> closer(new RecordingTransactions(log)).close(ID));

        assertThat(thrown).isSameAs(restoreFailure);
        assertThat(log.calls()).containsExactly("findStatus " + ID, "queryTrade " + ID,
                "begin", "markClosed " + ID, "restore " + ID, "rollback");
    }

    private void assertUnchanged() {
        assertThat(orders.status(ID)).isEqualTo(OrderStatus.UNPAID);
        assertThat(orders.payment(ID)).isEmpty();
        assertThat(orders.closedAt(ID)).isEmpty();
        assertThat(log.calls()).noneMatch(call -> call.startsWith("mark") || call.startsWith("restore"));
    }
}
