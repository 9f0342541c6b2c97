package io.github.delayclose.it.faults;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.delayclose.bench.report.LoadAverage;

/** The figures of a fault-injection run, in one block for people to read. */
final class FaultReport {

    private FaultReport() {
    }

    /** @param setting the run's size and settings, in a few words */
    static String text(String setting, List<FaultOrder> orders, List<FaultWindow> windows, int scheduleFailures,
            Payer payer, long callsInFlightAtKill, FaultProxy broker, FaultProxy database, InstanceLogs logs,
            FaultEndState end, Lateness lateness) {
        Map<OrderKind, Integer> byKind = new EnumMap<>(OrderKind.class);
        orders.forEach(order -> byKind.merge(order.kind(), 1, Integer::sum));
        StringBuilder text = new StringBuilder("\n===== delay-close fault injection =====\n");
        text.append("orders            ").append(setting).append('\n');
        text.append("machine           ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, load average (1 min) at the end ").append(LoadAverage.oneMinute()).append('\n');
        text.append("by kind           ").append(byKind).append('\n');
        text.append("faults (ms)       ");
        windows.forEach(window -> text.append(window.fault()).append(' ').append(window.from()).append('-')
                .append(window.to()).append("  "));
        text.append('\n');
        text.append("instance killed   with ").append(callsInFlightAtKill)
                .append(" provider calls in flight (both instances), answers held back ")
                .append(FaultInjector.SLOW.toMillis()).append(" ms\n");
        text.append("network           broker connections ").append(broker.accepted()).append(" (sockets cut ")
                .append(broker.cutSockets()).append("), database connections ").append(database.accepted())
                .append(" (sockets cut ").append(database.cutSockets()).append(")\n");
        text.append("scheduling        ").append(scheduleFailures)
                .append(" orders refused by schedule() (a delay message lost later, e.g. with a killed instance's"
                        + " unconfirmed ones, is the sweep's too)\n");
        text.append("sweep             ").append(logs.sweptAsLost()).append(" orders sent as lost, ")
                .append(logs.redriven()).append(" stuck retry copies sent again\n");
        text.append("notifications     ").append(payer.notificationResults()).append(", resent ").append(payer.resends())
                .append('\n');
        text.append("payments refused  ").append(payer.racesLostToTheClose())
                .append(" (closed at the provider first), of them before the deadline ")
                .append(payer.refusedBeforeDeadline()).append('\n');
        text.append("end               closed ").append(end.closed()).append(", paid ").append(end.paid())
                .append(", unpaid ").append(end.unpaid()).append(", parked ").append(end.parked()).append(" (permanent failures ")
                .append(byKind.getOrDefault(OrderKind.PERMANENT_FAILURE, 0)).append(")\n");
        text.append("unpaid past deadline+grace ").append(end.unpaidPastDeadline()).append('\n');
        text.append("closed and paid   ").append(end.closedAndPaid()).append('\n');
        text.append("wrong end state   ").append(end.wrongEnd()).append('\n');
        text.append("stock             SKUs off ").append(end.skusOff()).append(", orders whose stock moved other than once ")
                .append(end.restoreMarkersWrong()).append('\n');
        text.append("log rows          orders without one row per transition ").append(end.logRowsWrong()).append('\n');
        text.append("parked            not permanent ").append(end.parkedNotPermanent()).append(", permanent not parked ")
                .append(end.permanentNotParked()).append(", parked by two closes ").append(end.parkedTwice())
                .append(", parked without a message in parking (or the reverse) ").append(end.parkingCopiesOff())
                .append(", attempt rows left waiting ").append(end.waitingRowsLeft()).append('\n');
        text.append("parking queue     ").append(end.extraParkingCopies())
                .append(" extra copies of parked orders (published at least once), ").append(end.strayParkingCopies())
                .append(" rejected copies of orders not parked (known issue, SweepIT#aDatabaseBlip...)\n");
        text.append("lateness ms outside faults ").append(Lateness.describe(lateness.outside())).append('\n');
        text.append("lateness ms during faults  ").append(Lateness.describe(lateness.during())).append('\n');
        text.append("ended later than deadline+grace ").append(lateness.beyondGrace()).append('\n');
        if (!end.examples().isEmpty()) {
            text.append("examples:\n");
            end.examples().forEach(example -> text.append("  ").append(example).append('\n'));
        }
        text.append("=======================================");
        return text.toString();
    }
}
