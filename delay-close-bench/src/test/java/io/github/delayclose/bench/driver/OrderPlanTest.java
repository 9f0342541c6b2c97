package io.github.delayclose.bench.driver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPlanTest {

    @Test
    void spreadsOrdersRoundRobinOverTheSkus() {
        OrderPlan plan = OrderPlan.create("Babc123DR", 10, 3, 0);

        assertThat(plan.unitsTakenBySku()).containsValues(4, 3, 3);
        assertThat(plan.orders()).noneMatch(BenchOrder::paid);
    }

    @Test
    void orderIdsAreValidWeChatPayOutTradeNumbers() {
        OrderPlan plan = OrderPlan.create("Babc123PE", 1_000_000, 1, 0);

        assertThat(plan.orders().get(999_999).id()).matches("[0-9A-Za-z_\\-|*@]{1,32}");
    }

    @Test
    void paysTheSameShareOfOrdersEveryTime() {
        long paid = OrderPlan.create("Babc123DR", 10_000, 10, 25).orders().stream().filter(BenchOrder::paid).count();

        assertThat(paid).isBetween(2300L, 2700L)
                .isEqualTo(OrderPlan.create("Babc123DR", 10_000, 10, 25).orders().stream().filter(BenchOrder::paid).count());
    }
}
