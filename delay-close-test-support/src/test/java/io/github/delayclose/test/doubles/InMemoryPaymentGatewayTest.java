package io.github.delayclose.test.doubles;

import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.failure;
import static io.github.delayclose.test.doubles.InMemoryPaymentGateway.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;

import io.github.delayclose.core.spi.Payment;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.TradeState;
import org.junit.jupiter.api.Test;

/** Scripted answers stage a provider's behaviour without making it contradict itself. */
class InMemoryPaymentGatewayTest {

    private final InMemoryPaymentGateway gateway = new InMemoryPaymentGateway();

    @Test
    void orderNobodyArrangedIsAnOpenTrade() {
        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.NOTPAY);
        assertThat(gateway.closeOrder("1001")).isEqualTo(TradeCloseResult.CLOSED);
        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.CLOSED);
    }

    @Test
    void scriptedPaymentIsThePaymentFromThenOn() {
        gateway.answerQueries("1001", state(TradeState.SUCCESS));

        String transactionId = gateway.queryTrade("1001").payment().orElseThrow().transactionId();

        assertThat(gateway.closeOrder("1001")).isEqualTo(TradeCloseResult.ALREADY_PAID);
        assertThat(gateway.queryTrade("1001").payment()).get().extracting(Payment::transactionId)
                .isEqualTo(transactionId);
    }

    @Test
    void scriptedAnswersComeInTurnAndTheLastRepeats() {
        gateway.answerQueries("1001", failure("read timed out"), state(TradeState.USERPAYING), state(TradeState.NOTPAY));

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("1001"))
                .withMessage("read timed out");
        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.USERPAYING);
        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.NOTPAY);
        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.NOTPAY);
        assertThat(gateway.queriesFor("1001")).isEqualTo(4);
    }

    @Test
    void paymentLandingBetweenQueryAndCloseIsStagedWithACloseAnswer() {
        gateway.answerQueries("1001", state(TradeState.NOTPAY), state(TradeState.SUCCESS));
        gateway.answerClose("1001", TradeCloseResult.ALREADY_PAID);

        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.NOTPAY);
        assertThat(gateway.closeOrder("1001")).isEqualTo(TradeCloseResult.ALREADY_PAID);
        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.SUCCESS);
    }

    @Test
    void arrangedPaymentIsReportedAsPaid() {
        Payment payment = new Payment("4200000001", Instant.parse("2026-01-01T08:00:00Z"), 2990L);
        gateway.pay("1001", payment);

        assertThat(gateway.queryTrade("1001").payment()).contains(payment);
    }

    @Test
    void transientErrorFailsOnlyTheNextCall() {
        gateway.failNextCall("1001", "SYSTEMERROR");

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.closeOrder("1001"))
                .withMessage("SYSTEMERROR");
        assertThat(gateway.closeOrder("1001")).isEqualTo(TradeCloseResult.CLOSED);
        assertThat(gateway.closesFor("1001")).isEqualTo(2);
    }

    @Test
    void outageLastsUntilTheProviderIsReachableAgain() {
        gateway.becomeUnreachable("connect timed out");

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("1001"));
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.queryTrade("1001"));

        gateway.becomeReachable();

        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.NOTPAY);
    }

    @Test
    void unknownTradeCannotBeClosed() {
        gateway.setTradeState("1001", TradeState.NOT_FOUND);

        assertThat(gateway.queryTrade("1001").state()).isEqualTo(TradeState.NOT_FOUND);
        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway.closeOrder("1001"));
    }
}
