package io.github.delayclose.core.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.delayclose.core.doubles.CallLog;
import io.github.delayclose.core.doubles.InMemoryOrderRepository;
import io.github.delayclose.core.metrics.MicrometerDelayCloseMetrics;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.Payment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentRecorderTest {

    private static final String ID = "order-7";
    private static final Payment PAYMENT = new Payment("4200009876", Instant.parse("2025-03-01T11:00:00Z"));

    private final CallLog log = new CallLog();
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(log);
    private final List<Object> published = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PaymentRecorder recorder = new PaymentRecorder(orders, published::add, new MicrometerDelayCloseMetrics(registry));

    @Test
    void unpaidOrderIsRecordedAsPaid() {
        orders.with(ID, OrderStatus.UNPAID);

        assertThat(recorder.record(ID, PAYMENT)).isEqualTo(PaymentRecordResult.RECORDED);

        assertThat(orders.status(ID)).isEqualTo(OrderStatus.PAID);
        assertThat(orders.payment(ID)).contains(PAYMENT);
        assertThat(published).isEmpty();
        assertThat(latePayments()).isZero();
    }

    @Test
    void aPaymentOfAnotherAmountIsNotRecordedButReportedAndCounted() {
        orders.with(ID, OrderStatus.UNPAID, 2_500);
        Payment tooLittle = new Payment("4200001111", Instant.parse("2025-03-01T11:00:00Z"), 1L);

        assertThat(recorder.record(ID, tooLittle)).isEqualTo(PaymentRecordResult.AMOUNT_MISMATCH);

        assertThat(orders.status(ID)).as("left for someone to look at, neither paid nor closed")
                .isEqualTo(OrderStatus.UNPAID);
        assertThat(orders.payment(ID)).isEmpty();
        assertThat(published).singleElement().isEqualTo(new PaymentAmountMismatchEvent(ID, 2_500, tooLittle));
        assertThat(registry.counter("delay.close.amount.mismatches").count()).isEqualTo(1);
    }

    @Test
    void aPaymentOfTheOrdersAmountIsRecorded() {
        orders.with(ID, OrderStatus.UNPAID, 2_500);
        Payment exact = new Payment("4200001112", Instant.parse("2025-03-01T11:00:00Z"), 2_500L);

        assertThat(recorder.record(ID, exact)).isEqualTo(PaymentRecordResult.RECORDED);

        assertThat(orders.payment(ID)).contains(exact);
        assertThat(registry.counter("delay.close.amount.mismatches").count()).isZero();
    }

    @Test
    void paidOrderIsADuplicateAndKeepsItsFirstPayment() {
        orders.with(ID, OrderStatus.UNPAID);
        recorder.record(ID, PAYMENT);

        Payment again = new Payment("4200009876", Instant.parse("2025-03-01T11:05:00Z"));
        assertThat(recorder.record(ID, again)).isEqualTo(PaymentRecordResult.DUPLICATE);

        assertThat(orders.payment(ID)).contains(PAYMENT);
        assertThat(published).isEmpty();
        assertThat(latePayments()).isZero();
    }

    @Test
    void closedOrderStaysClosedAndALatePaymentIsReported() {
        orders.with(ID, OrderStatus.CLOSED);

        assertThat(recorder.record(ID, PAYMENT)).isEqualTo(PaymentRecordResult.LATE);

        assertThat(orders.status(ID)).isEqualTo(OrderStatus.CLOSED);
        assertThat(orders.payment(ID)).isEmpty();
        assertThat(published).containsExactly(new LatePaymentEvent(ID, PAYMENT));
        assertThat(latePayments()).isEqualTo(1.0);
    }

    @Test
    void closeWinningTheRaceAfterTheReadIsStillReportedLate() {
        orders.with(ID, OrderStatus.UNPAID);
        orders.beforeMarkPaid(id -> orders.set(id, OrderStatus.CLOSED));

        assertThat(recorder.record(ID, PAYMENT)).isEqualTo(PaymentRecordResult.LATE);

        assertThat(orders.status(ID)).isEqualTo(OrderStatus.CLOSED);
        assertThat(published).containsExactly(new LatePaymentEvent(ID, PAYMENT));
        assertThat(latePayments()).isEqualTo(1.0);
    }

    @Test
    void unknownOrderIsReportedAndNothingIsWritten() {
        assertThat(recorder.record(ID, PAYMENT)).isEqualTo(PaymentRecordResult.UNKNOWN_ORDER);

        assertThat(log.calls()).containsExactly("findStatus " + ID);
        assertThat(published).isEmpty();
        assertThat(latePayments()).isZero();
    }

    private double latePayments() {
        Counter counter = registry.find("delay.close.late.payments").counter();
        return counter == null ? 0.0 : counter.count();
    }
}
