package io.github.delayclose.bench.driver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the tables after a run and counts the orders that did not end exactly once.
 *
 * <p>An order is right when it has the status it must end in (CLOSED, or PAID if the run paid it),
 * exactly one {@code tb_order_log} row, for that status, and a {@code tb_stock_restore} marker if and
 * only if it was closed. Stock cannot be pinned on one order when several share a SKU, so each SKU is
 * checked as a whole: its stock and sales must be back where the closed orders put them. A SKU whose
 * units are off by {@code d} while {@code b} of its orders are wrong counts {@code max(b, d)} lost
 * orders (every order holds one unit, and a wrong order usually explains one wrong unit).
 */
public final class EndStateCheck {

    private static final String CLOSED = "4";
    private static final String PAID = "1";

    private final JdbcTemplate jdbc;

    public EndStateCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public EndState check(OrderPlan plan) {
        Map<String, String> statuses = new HashMap<>();
        jdbc.query("SELECT id, order_status FROM tb_order", rs -> {
            statuses.put(rs.getString(1), rs.getString(2));
        });
        Map<String, List<String>> logs = new HashMap<>();
        jdbc.query("SELECT order_id, order_status FROM tb_order_log", rs -> {
            logs.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        Set<String> restored = new HashSet<>(jdbc.queryForList("SELECT order_id FROM tb_stock_restore", String.class));

        Map<String, Integer> wrongBySku = new HashMap<>();
        Map<String, Integer> closedBySku = new HashMap<>();
        int closed = 0;
        int paid = 0;
        int closedTwice = 0;
        for (BenchOrder order : plan.orders()) {
            if (logs.getOrDefault(order.id(), List.of()).stream().filter(CLOSED::equals).count() > 1) {
                closedTwice++;
            }
            String expected = order.paid() ? PAID : CLOSED;
            String status = statuses.get(order.id());
            boolean right = expected.equals(status)
                    && List.of(expected).equals(logs.getOrDefault(order.id(), List.of()))
                    && restored.contains(order.id()) == !order.paid();
            if (!right) {
                wrongBySku.merge(order.skuId(), 1, Integer::sum);
            }
            if (CLOSED.equals(status)) {
                closed++;
            }
            else if (PAID.equals(status)) {
                paid++;
            }
            if (!order.paid()) {
                closedBySku.merge(order.skuId(), 1, Integer::sum);
            }
        }
        Map<String, Integer> taken = plan.unitsTakenBySku();
        int lost = 0;
        Map<String, int[]> stock = stockBySku();
        // Only this plan's SKUs: a warm-up batch before it has SKUs of its own.
        stock.keySet().retainAll(new HashSet<>(plan.skuIds()));
        for (Map.Entry<String, int[]> sku : stock.entrySet()) {
            int units = taken.getOrDefault(sku.getKey(), 0);
            int givenBack = closedBySku.getOrDefault(sku.getKey(), 0);
            int expectedStock = plan.stockPerSku() - units + givenBack;
            int expectedSales = units - givenBack;
            int off = Math.max(Math.abs(sku.getValue()[0] - expectedStock), Math.abs(sku.getValue()[1] - expectedSales));
            lost += Math.max(off, wrongBySku.getOrDefault(sku.getKey(), 0));
        }
        return new EndState(plan.orders().size(), closed, paid, lost, closedTwice);
    }

    private Map<String, int[]> stockBySku() {
        Map<String, int[]> stock = new HashMap<>();
        jdbc.query("SELECT id, num, sale_num FROM tb_sku", rs -> {
            stock.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
        });
        return stock;
    }

    /**
     * @param orders orders planned
     * @param closed orders found CLOSED
     * @param paid orders found PAID
     * @param lost orders that did not end exactly once, as described on {@link EndStateCheck}
     * @param closedTwice orders with more than one CLOSED row in the order log (also counted in {@code lost})
     */
    public record EndState(int orders, int closed, int paid, int lost, int closedTwice) {
    }
}
