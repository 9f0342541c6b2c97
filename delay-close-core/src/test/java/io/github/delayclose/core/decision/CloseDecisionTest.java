package io.github.delayclose.core.decision;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.delayclose.core.spi.TradeCloseResult;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.core.spi.TradeState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The close decision table of DESIGN.md, one test row per table row. */
class CloseDecisionTest {

    /** Which function of {@link CloseDecision} a row exercises. */
    enum Step { TIMEOUT, TRADE_STATE, CLOSE_ANSWER, PAYMENT_NOTIFICATION }

    /** A decision input: the step, the value it is decided on, and the call itself. */
    record Input(Step step, Object value, Supplier<Enum<?>> decide) {
    }

    static Input timeout(Optional<OrderStatus> local) {
        return new Input(Step.TIMEOUT, local, () -> CloseDecision.onTimeout(local));
    }

    static Input tradeState(TradeState state) {
        return new Input(Step.TRADE_STATE, state, () -> CloseDecision.onTradeState(state));
    }

    static Input closeAnswer(TradeCloseResult outcome) {
        return new Input(Step.CLOSE_ANSWER, outcome, () -> CloseDecision.onCloseAnswer(outcome));
    }

    static Input notification(Optional<OrderStatus> local) {
        return new Input(Step.PAYMENT_NOTIFICATION, local, () -> CloseDecision.onPaymentNotification(local));
    }

    private static Arguments row(String name, Input input, Enum<?> expected) {
        return Arguments.of(name, input, expected);
    }

    private static final List<Arguments> TABLE = List.of(
            row("local PAID -> nothing", timeout(Optional.of(OrderStatus.PAID)), LocalStateAction.NOTHING),
            row("local CLOSED -> nothing", timeout(Optional.of(OrderStatus.CLOSED)), LocalStateAction.NOTHING),
            row("order unknown locally -> retry, park ORDER_NOT_FOUND", timeout(Optional.empty()), LocalStateAction.RETRY_ORDER_NOT_FOUND),
            row("local UNPAID -> ask the provider", timeout(Optional.of(OrderStatus.UNPAID)), LocalStateAction.QUERY_PROVIDER),
            row("UNPAID, provider SUCCESS -> compensate as paid", tradeState(TradeState.SUCCESS), TradeStateAction.COMPENSATE_AS_PAID),
            row("UNPAID, provider REFUND -> compensate as paid", tradeState(TradeState.REFUND), TradeStateAction.COMPENSATE_AS_PAID),
            row("UNPAID, provider NOTPAY -> close at provider", tradeState(TradeState.NOTPAY), TradeStateAction.CLOSE_AT_PROVIDER),
            row("UNPAID, close answers ORDERPAID -> re-query and compensate", closeAnswer(TradeCloseResult.ALREADY_PAID), CloseAnswerAction.REQUERY_AND_COMPENSATE),
            row("UNPAID, close answers CLOSED -> close locally", closeAnswer(TradeCloseResult.CLOSED), CloseAnswerAction.CLOSE_LOCALLY),
            row("UNPAID, close answers ORDERCLOSED -> close locally", closeAnswer(TradeCloseResult.ALREADY_CLOSED), CloseAnswerAction.CLOSE_LOCALLY),
            row("UNPAID, provider CLOSED -> close locally", tradeState(TradeState.CLOSED), TradeStateAction.CLOSE_LOCALLY),
            row("UNPAID, provider REVOKED -> close locally", tradeState(TradeState.REVOKED), TradeStateAction.CLOSE_LOCALLY),
            row("UNPAID, provider PAYERROR -> close locally", tradeState(TradeState.PAYERROR), TradeStateAction.CLOSE_LOCALLY),
            row("UNPAID, provider does not know the order -> close locally", tradeState(TradeState.NOT_FOUND), TradeStateAction.CLOSE_LOCALLY),
            row("UNPAID, provider USERPAYING -> re-check later", tradeState(TradeState.USERPAYING), TradeStateAction.RECHECK_LATER),
            row("UNPAID, provider ACCEPT -> re-check later", tradeState(TradeState.ACCEPT), TradeStateAction.RECHECK_LATER),
            row("payment notification on CLOSED -> report late payment", notification(Optional.of(OrderStatus.CLOSED)),
                    NotificationAction.REPORT_LATE_PAYMENT),
            row("payment notification on UNPAID -> record payment", notification(Optional.of(OrderStatus.UNPAID)),
                    NotificationAction.RECORD_PAYMENT),
            row("payment notification on PAID -> already paid", notification(Optional.of(OrderStatus.PAID)),
                    NotificationAction.ALREADY_PAID),
            row("payment notification for unknown order -> unknown order", notification(Optional.empty()),
                    NotificationAction.UNKNOWN_ORDER));

    static Stream<Arguments> table() {
        return TABLE.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesAsTheTableSays(String name, Input input, Enum<?> expected) {
        assertThat(input.decide().get()).as(name).isEqualTo(expected);
    }

    // --- the table itself is complete: a new enum constant cannot be forgotten ---

    private static Set<Object> valuesOf(Step step) {
        return TABLE.stream()
                .map(arguments -> (Input) arguments.get()[1])
                .filter(input -> input.step() == step)
                .map(Input::value)
                .collect(Collectors.toSet());
    }

    private static Set<Optional<OrderStatus>> everyLocalState() {
        Set<Optional<OrderStatus>> all = new HashSet<>();
        all.add(Optional.empty());
        Arrays.stream(OrderStatus.values()).map(Optional::of).forEach(all::add);
        return all;
    }

    @Test
    void tableHasARowForEveryTradeState() {
        assertThat(valuesOf(Step.TRADE_STATE)).containsExactlyInAnyOrder((Object[]) TradeState.values());
    }

    @Test
    void tableHasARowForEveryCloseAnswer() {
        assertThat(valuesOf(Step.CLOSE_ANSWER)).containsExactlyInAnyOrder((Object[]) TradeCloseResult.values());
    }

    @Test
    void tableHasARowForEveryLocalStateOnTimeoutAndOnNotification() {
        assertThat(valuesOf(Step.TIMEOUT)).isEqualTo(everyLocalState());
        assertThat(valuesOf(Step.PAYMENT_NOTIFICATION)).isEqualTo(everyLocalState());
    }

    @Test
    void everyActionIsReachedBySomeRow() {
        Set<Object> produced = TABLE.stream().map(arguments -> arguments.get()[2]).collect(Collectors.toSet());
        assertThat(produced).containsAll(EnumSet.allOf(LocalStateAction.class));
        assertThat(produced).containsAll(EnumSet.allOf(TradeStateAction.class));
        assertThat(produced).containsAll(EnumSet.allOf(CloseAnswerAction.class));
        assertThat(produced).containsAll(EnumSet.allOf(NotificationAction.class));
    }

    @ParameterizedTest
    @EnumSource(TradeState.class)
    void everyTradeStateHasARuleConsistentWithItsKind(TradeState state) {
        TradeStateAction action = CloseDecision.onTradeState(state);
        // A paid state must never lead to a close, and a pending one must never be acted on.
        assertThat(action == TradeStateAction.COMPENSATE_AS_PAID).as("compensate iff paid").isEqualTo(state.isPaid());
        assertThat(action == TradeStateAction.RECHECK_LATER).as("re-check iff pending").isEqualTo(state.isPending());
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void onlyAnUnpaidOrderIsTakenFurther(OrderStatus status) {
        assertThat(CloseDecision.onTimeout(Optional.of(status)) == LocalStateAction.QUERY_PROVIDER)
                .isEqualTo(status == OrderStatus.UNPAID);
        assertThat(CloseDecision.onPaymentNotification(Optional.of(status)) == NotificationAction.RECORD_PAYMENT)
                .isEqualTo(status == OrderStatus.UNPAID);
    }
}
