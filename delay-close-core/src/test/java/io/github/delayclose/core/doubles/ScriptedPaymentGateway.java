package io.github.delayclose.core.doubles;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeReport;

/**
 * A {@link PaymentGateway} that answers from a script, one answer per call, and fails the test on
 * any call that was not scripted (so "no provider call" is asserted by construction as well).
 */
public final class ScriptedPaymentGateway implements PaymentGateway {

    private final Deque<Supplier<TradeReport>> queryAnswers = new ArrayDeque<>();
    private final Deque<Supplier<TradeCloseResult>> closeAnswers = new ArrayDeque<>();
    private final CallLog log;

    public ScriptedPaymentGateway(CallLog log) {
        this.log = log;
    }

    public ScriptedPaymentGateway query(TradeReport answer) {
        queryAnswers.add(() -> answer);
        return this;
    }

    public ScriptedPaymentGateway query(Supplier<TradeReport> answer) {
        queryAnswers.add(answer);
        return this;
    }

    public ScriptedPaymentGateway queryFails(String message) {
        queryAnswers.add(() -> {
            throw new PaymentGatewayException(message);
        });
        return this;
    }

    public ScriptedPaymentGateway close(TradeCloseResult outcome) {
        closeAnswers.add(() -> outcome);
        return this;
    }

    public ScriptedPaymentGateway closeFails(String message) {
        closeAnswers.add(() -> {
            throw new PaymentGatewayException(message);
        });
        return this;
    }

    public boolean scriptUsedUp() {
        return queryAnswers.isEmpty() && closeAnswers.isEmpty();
    }

    @Override
    public TradeReport queryTrade(String orderId) {
        log.add("queryTrade " + orderId);
        Supplier<TradeReport> answer = queryAnswers.poll();
        if (answer == null) {
            throw new AssertionError("unexpected queryTrade(" + orderId + ")");
        }
        return answer.get();
    }

    @Override
    public TradeCloseResult closeOrder(String orderId) {
        log.add("closeOrder " + orderId);
        Supplier<TradeCloseResult> answer = closeAnswers.poll();
        if (answer == null) {
            throw new AssertionError("unexpected closeOrder(" + orderId + ")");
        }
        return answer.get();
    }
}
