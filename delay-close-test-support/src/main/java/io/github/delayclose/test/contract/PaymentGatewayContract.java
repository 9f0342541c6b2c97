package io.github.delayclose.test.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;
import io.github.delayclose.core.spi.TradeState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentGateway} must do, as tests. Extend it in your own test sources, point it
 * at your provider's sandbox or a local simulator, and implement the hooks:
 *
 * <pre>{@code
 * class MyGatewayContractTest extends PaymentGatewayContract {
 *
 *     static MyProviderSandbox sandbox = MyProviderSandbox.start();
 *
 *     protected PaymentGateway gateway() { return new MyGateway(sandbox.url()); }
 *     protected void givenUnpaidOrder(String orderId) { sandbox.createOrder(orderId); }
 *     protected void givenPaidOrder(String orderId) { sandbox.createOrder(orderId); sandbox.pay(orderId); }
 *     protected void givenClosedOrder(String orderId) { sandbox.createOrder(orderId); sandbox.close(orderId); }
 *     protected PaymentGateway unreachableGateway() { return new MyGateway("http://127.0.0.1:9"); }
 * }
 * }</pre>
 *
 * <p>Each test uses fresh order ids from {@link #newOrderId()}, so the provider need not be reset
 * between tests. Override {@link #givenUnknownOrder(String)} if your provider needs telling that
 * an id is unknown, and {@link #givenProviderError(String)} if it can be made to answer with a
 * transient error (the tests that need it are skipped otherwise).
 *
 * <p>The rules checked here are the ones the close logic relies on: answers are typed and exact
 * ({@link TradeState#NOT_FOUND} rather than an exception for an unknown order, a payment with
 * every paid state), closing is safe to repeat and to race, and a provider that cannot answer
 * causes a {@link PaymentGatewayException} rather than a guess.
 */
public abstract class PaymentGatewayContract {

    /** The gateway under test, talking to a provider that the {@code given…} hooks can arrange. */
    protected abstract PaymentGateway gateway();

    /** Makes the provider know {@code orderId} as created and not paid (WeChat Pay: NOTPAY). */
    protected abstract void givenUnpaidOrder(String orderId);

    /** Makes the provider know {@code orderId} as paid (WeChat Pay: SUCCESS). */
    protected abstract void givenPaidOrder(String orderId);

    /** Makes the provider know {@code orderId} as closed (WeChat Pay: CLOSED). */
    protected abstract void givenClosedOrder(String orderId);

    /**
     * Makes sure the provider does not know {@code orderId}. Fresh ids are unknown to most
     * providers, so the default does nothing.
     */
    protected void givenUnknownOrder(String orderId) {
    }

    /**
     * A gateway configured like {@link #gateway()} but pointed at a provider that cannot be reached
     * (a closed port, say), or one whose every answer fails.
     */
    protected abstract PaymentGateway unreachableGateway();

    /**
     * Makes the provider's next answer about {@code orderId} a transient error (WeChat Pay:
     * {@code SYSTEMERROR}). Skips the calling test by default; override if your provider can do this.
     */
    protected void givenProviderError(String orderId) {
        Assumptions.abort("this provider cannot be made to answer with an error");
    }

    /**
     * A new order id that no test used before. Short and alphanumeric by default (32 characters at
     * most, which WeChat Pay's {@code out_trade_no} requires); override for other id formats.
     */
    protected String newOrderId() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    @Test
    void unpaidOrderIsNotPay() {
        String orderId = newOrderId();
        givenUnpaidOrder(orderId);

        TradeReport answer = gateway().queryTrade(orderId);

        assertThat(answer.state()).isEqualTo(TradeState.NOTPAY);
        assertThat(answer.payment()).isEmpty();
    }

    @Test
    void queryingHasNoEffect() {
        String orderId = newOrderId();
        givenUnpaidOrder(orderId);

        gateway().queryTrade(orderId);

        assertThat(gateway().queryTrade(orderId).state()).isEqualTo(TradeState.NOTPAY);
    }

    @Test
    void paidOrderIsSuccessWithItsPayment() {
        String orderId = newOrderId();
        givenPaidOrder(orderId);

        TradeReport answer = gateway().queryTrade(orderId);

        assertThat(answer.state()).isEqualTo(TradeState.SUCCESS);
        assertThat(answer.payment()).hasValueSatisfying(payment -> {
            assertThat(payment.transactionId()).isNotBlank();
            assertThat(payment.paidAt()).isNotNull();
        });
    }

    @Test
    void unknownOrderIsNotFound() {
        String orderId = newOrderId();
        givenUnknownOrder(orderId);

        TradeReport answer = gateway().queryTrade(orderId);

        assertThat(answer.state()).isEqualTo(TradeState.NOT_FOUND);
        assertThat(answer.payment()).isEmpty();
    }

    @Test
    void closingAnUnpaidOrderClosesIt() {
        String orderId = newOrderId();
        givenUnpaidOrder(orderId);

        assertThat(gateway().closeOrder(orderId)).isEqualTo(TradeCloseResult.CLOSED);
        assertThat(gateway().queryTrade(orderId).state()).isEqualTo(TradeState.CLOSED);
    }

    @Test
    void closingAgainIsHarmless() {
        String orderId = newOrderId();
        givenUnpaidOrder(orderId);
        gateway().closeOrder(orderId);

        assertThat(gateway().closeOrder(orderId)).isIn(TradeCloseResult.ALREADY_CLOSED, TradeCloseResult.CLOSED);
        assertThat(gateway().queryTrade(orderId).state()).isEqualTo(TradeState.CLOSED);
    }

    @Test
    void closingAClosedOrderSaysSo() {
        String orderId = newOrderId();
        givenClosedOrder(orderId);

        assertThat(gateway().closeOrder(orderId)).isIn(TradeCloseResult.ALREADY_CLOSED, TradeCloseResult.CLOSED);
    }

    @Test
    void closingAPaidOrderIsRefusedAndKeepsThePayment() {
        String orderId = newOrderId();
        givenPaidOrder(orderId);

        assertThat(gateway().closeOrder(orderId)).isEqualTo(TradeCloseResult.ALREADY_PAID);
        assertThat(gateway().queryTrade(orderId).state()).isEqualTo(TradeState.SUCCESS);
    }

    @Test
    void racingClosesOfOneOrderAllSucceed() throws Exception {
        String orderId = newOrderId();
        givenUnpaidOrder(orderId);
        PaymentGateway gateway = gateway();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TradeCloseResult>> outcomes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                outcomes.add(pool.submit(() -> gateway.closeOrder(orderId)));
            }
            for (Future<TradeCloseResult> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isIn(TradeCloseResult.CLOSED, TradeCloseResult.ALREADY_CLOSED);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(gateway.queryTrade(orderId).state()).isEqualTo(TradeState.CLOSED);
    }

    @Test
    void unreachableProviderFailsTheQuery() {
        assertThatExceptionOfType(PaymentGatewayException.class)
                .isThrownBy(() -> unreachableGateway().queryTrade(newOrderId()))
                .satisfies(ex -> assertThat(ex.getMessage()).as("a reason to park the message with").isNotBlank());
    }

    @Test
    void unreachableProviderFailsTheClose() {
        assertThatExceptionOfType(PaymentGatewayException.class)
                .isThrownBy(() -> unreachableGateway().closeOrder(newOrderId()));
    }

    @Test
    void providerErrorFailsTheQuery() {
        String orderId = newOrderId();
        givenUnpaidOrder(orderId);
        givenProviderError(orderId);

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway().queryTrade(orderId));
    }

    @Test
    void providerErrorFailsTheClose() {
        String orderId = newOrderId();
        givenUnpaidOrder(orderId);
        givenProviderError(orderId);

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> gateway().closeOrder(orderId));
    }
}
