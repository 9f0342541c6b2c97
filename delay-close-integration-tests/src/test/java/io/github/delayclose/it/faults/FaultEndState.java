package io.github.delayclose.it.faults;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.delayclose.wxpay.simulator.SimulatedOrder;
import io.github.delayclose.wxpay.simulator.SimulatedTradeState;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end state of a run, read from the shop's tables, the close-attempt table, the provider and
 * the parking queue, and every way it can be wrong, counted.
 *
 * @param unpaidPastDeadline orders still unpaid, long past deadline + grace, that are not parked
 * @param closedAndPaid orders closed locally although the payer paid (or paid locally although the
 *     provider closed them)
 * @param wrongEnd orders whose status is not the one their kind must end in
 * @param logRowsWrong orders without exactly one {@code tb_order_log} row for their transition (none
 *     for an order that stayed unpaid)
 * @param skusOff SKUs whose stock or sales are not what the closed orders put back
 * @param restoreMarkersWrong orders with a stock-restore marker that were not closed, or closed without one
 * @param parked orders whose close-attempt state is PARKED
 * @param parkedNotPermanent parked orders that the provider would have answered in the end
 * @param permanentNotParked orders the provider always failed that are not parked
 * @param parkedTwice orders that more than one close decided to park (from the close log lines)
 * @param parkingCopiesOff parked orders without a message in the parking queue, and orders not parked
 *     with a message parked by delay-close there
 * @param extraParkingCopies messages in the parking queue beyond one per parked order: copies are
 *     published at least once, so a confirm that comes too late sends a second one
 * @param strayParkingCopies messages the timeout queue dead-lettered to parking because the listener
 *     rejected them, for orders that are not parked (a known issue: a database blip while a retry's
 *     state is recorded rejects a copy of an order that is then closed anyway; see
 *     {@code SweepIT#aDatabaseBlipWhileARetryIsRecordedLeavesNoCopyInParking})
 * @param waitingRowsLeft close-attempt rows still WAITING for orders that ended
 */
record FaultEndState(int closed, int paid, int unpaid, int unpaidPastDeadline, int closedAndPaid, int wrongEnd,
        int logRowsWrong, int skusOff, int restoreMarkersWrong, int parked, int parkedNotPermanent,
        int permanentNotParked, int parkedTwice, int parkingCopiesOff, int extraParkingCopies, int strayParkingCopies,
        int waitingRowsLeft, List<String> examples) {

    private static final String UNPAID = "0";
    private static final String PAID = "1";
    private static final String CLOSED = "4";
    private static final int EXAMPLES = 10;

    /**
     * @param stockPerSku each SKU's stock before the run's orders took one unit each
     * @param parking what the parking queue held
     * @param parkDecisions how many closes parked each order
     */
    static FaultEndState read(JdbcTemplate jdbc, WxPaySimulator provider, Collection<FaultOrder> orders,
            int stockPerSku, ParkingQueue parking, Map<String, Integer> parkDecisions) {
        Map<String, String[]> rows = new HashMap<>();
        jdbc.query("SELECT id, order_status, pay_status, transaction_id FROM tb_order", rs -> {
            rows.put(rs.getString(1), new String[] { rs.getString(2), rs.getString(3), rs.getString(4) });
        });
        Map<String, List<String>> logs = new HashMap<>();
        jdbc.query("SELECT order_id, order_status FROM tb_order_log", rs -> {
            logs.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        Set<String> restored = new HashSet<>(jdbc.queryForList("SELECT order_id FROM tb_stock_restore", String.class));
        Set<String> parked = new HashSet<>(
                jdbc.queryForList("SELECT order_id FROM delay_close_attempt WHERE state = 'PARKED'", String.class));
        Set<String> waiting = new HashSet<>(
                jdbc.queryForList("SELECT order_id FROM delay_close_attempt WHERE state = 'WAITING'", String.class));

        List<String> examples = new ArrayList<>();
        int closed = 0, paid = 0, unpaid = 0, unpaidPastDeadline = 0, closedAndPaid = 0, wrongEnd = 0;
        int logRowsWrong = 0, restoreMarkersWrong = 0, parkedNotPermanent = 0, permanentNotParked = 0;
        int parkedTwice = 0, parkingCopiesOff = 0, extraParkingCopies = 0, strayParkingCopies = 0, waitingRowsLeft = 0;
        Map<String, Integer> closedBySku = new HashMap<>();
        Map<String, Integer> takenBySku = new HashMap<>();
        for (FaultOrder order : orders) {
            String[] row = rows.get(order.id());
            String status = row == null ? "missing" : row[0];
            SimulatedTradeState atProvider = provider.order(order.id()).map(SimulatedOrder::tradeState).orElse(null);
            boolean paidAtProvider = atProvider != null && atProvider.isPaid();
            takenBySku.merge(order.skuId(), 1, Integer::sum);
            switch (status) {
                case CLOSED -> {
                    closed++;
                    closedBySku.merge(order.skuId(), 1, Integer::sum);
                }
                case PAID -> paid++;
                case UNPAID -> unpaid++;
                default -> {
                }
            }
            if (UNPAID.equals(status) && !parked.contains(order.id())) {
                unpaidPastDeadline++;
                example(examples, order, "unpaid and not parked");
            }
            boolean paidLocally = row != null && (PAID.equals(row[1]) || row[2] != null);
            if ((CLOSED.equals(status) && (paidAtProvider || paidLocally))
                    || (PAID.equals(status) && atProvider == SimulatedTradeState.CLOSED)) {
                closedAndPaid++;
                example(examples, order, "closed and paid: local " + status + ", provider " + atProvider);
            }
            String expected = expectedStatus(order.kind(), paidAtProvider);
            if (!expected.equals(status)) {
                wrongEnd++;
                example(examples, order, "ended " + status + ", expected " + expected + " (provider " + atProvider + ")");
            }
            List<String> expectedLog = UNPAID.equals(status) ? List.of() : List.of(status);
            if (!expectedLog.equals(logs.getOrDefault(order.id(), List.of()))) {
                logRowsWrong++;
                example(examples, order, "log rows " + logs.getOrDefault(order.id(), List.of()) + ", status " + status);
            }
            if (restored.contains(order.id()) != CLOSED.equals(status)) {
                restoreMarkersWrong++;
                example(examples, order, "stock restored " + restored.contains(order.id()) + ", status " + status);
            }
            boolean permanent = order.kind() == OrderKind.PERMANENT_FAILURE;
            if (parked.contains(order.id()) && !permanent) {
                parkedNotPermanent++;
                example(examples, order, "parked, but the provider would have answered");
            }
            if (permanent && !parked.contains(order.id())) {
                permanentNotParked++;
                example(examples, order, "always failed at the provider, but not parked (status " + status + ")");
            }
            if (parkDecisions.getOrDefault(order.id(), 0) > 1) {
                parkedTwice++;
                example(examples, order, "parked by " + parkDecisions.get(order.id()) + " closes");
            }
            int withReason = parking.parked().getOrDefault(order.id(), 0);
            int rejected = parking.rejected().getOrDefault(order.id(), 0);
            if (parked.contains(order.id())) {
                if (withReason + rejected == 0) {
                    parkingCopiesOff++;
                    example(examples, order, "parked, without a message in the parking queue");
                }
                extraParkingCopies += Math.max(0, withReason + rejected - 1);
            }
            else {
                if (withReason > 0) {
                    parkingCopiesOff++;
                    example(examples, order, "not parked, with " + withReason + " messages parked by delay-close");
                }
                strayParkingCopies += rejected;
            }
            if (waiting.contains(order.id()) && !UNPAID.equals(status)) {
                waitingRowsLeft++;
            }
        }
        int skusOff = 0;
        Map<String, int[]> stock = new HashMap<>();
        jdbc.query("SELECT id, num, sale_num FROM tb_sku", rs -> {
            stock.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
        });
        for (Map.Entry<String, Integer> sku : takenBySku.entrySet()) {
            int givenBack = closedBySku.getOrDefault(sku.getKey(), 0);
            int[] actual = stock.getOrDefault(sku.getKey(), new int[] { -1, -1 });
            if (actual[0] != stockPerSku - sku.getValue() + givenBack || actual[1] != sku.getValue() - givenBack) {
                skusOff++;
                examples.add("sku " + sku.getKey() + ": stock " + actual[0] + ", sales " + actual[1] + "; expected "
                        + (stockPerSku - sku.getValue() + givenBack) + ", " + (sku.getValue() - givenBack));
            }
        }
        return new FaultEndState(closed, paid, unpaid, unpaidPastDeadline, closedAndPaid, wrongEnd, logRowsWrong, skusOff,
                restoreMarkersWrong, parked.size(), parkedNotPermanent, permanentNotParked, parkedTwice, parkingCopiesOff,
                extraParkingCopies, strayParkingCopies, waitingRowsLeft, List.copyOf(examples.subList(0, Math.min(examples.size(), EXAMPLES))));
    }

    /** How an order of this kind must end, given whether the provider took its payment. */
    static String expectedStatus(OrderKind kind, boolean paidAtProvider) {
        return switch (kind) {
            case UNPAID, TRANSIENT_ERRORS -> CLOSED;
            // A payer who came after the close (the run's payers can be held up) finds it closed, rightly;
            // a close before the deadline is counted by the payer.
            case PAID_NOTIFIED, PAID_SILENTLY, PAID_RACING -> paidAtProvider ? PAID : CLOSED;
            case PERMANENT_FAILURE -> UNPAID;
        };
    }

    private static void example(List<String> examples, FaultOrder order, String what) {
        if (examples.size() < EXAMPLES) {
            examples.add(order.id() + " (" + order.kind() + "): " + what);
        }
    }
}
