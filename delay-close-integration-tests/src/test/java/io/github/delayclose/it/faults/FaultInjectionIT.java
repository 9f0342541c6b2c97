package io.github.delayclose.it.faults;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.delayclose.bench.cli.BenchArgs;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.driver.BenchOrder;
import io.github.delayclose.bench.driver.CloseClock;
import io.github.delayclose.bench.driver.OrderPlan;
import io.github.delayclose.bench.driver.Pause;
import io.github.delayclose.bench.driver.ShopLoader;
import io.github.delayclose.bench.report.LoadAverage;
import io.github.delayclose.bench.scenario.BenchRun;
import io.github.delayclose.test.services.DatabaseEndpoint;
import io.github.delayclose.test.services.RabbitEndpoint;
import io.github.delayclose.test.services.TestServices;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The starter with its JDBC and WeChat Pay v2 defaults, as a shop runs it, under faults: two
 * instances in JVMs of their own compete for the same queues and database, reaching the broker and
 * the database through {@link FaultProxy}s, and WeChat Pay is the simulator. While mixed orders are
 * created at a steady rate (unpaid, paid with and without a notification, paid while the close
 * races, transient and permanent provider errors), one window after another: slow provider answers,
 * provider timeouts, database connections cut, the database blackholed, broker connections cut,
 * the broker blackholed, and one instance killed with SIGKILL mid-close and replaced.
 *
 * <p>Afterwards every order must have ended exactly once: none unpaid past its deadline + grace,
 * none both closed and paid, stock exact, one order-log row per transition, and parked exactly the
 * orders the provider always failed, each once. The figures are printed in one block.
 *
 * <p>{@code -Dfaults.orders=N} sets the size (1,500 by default, about 40 s of orders);
 * {@code -Dfaults.rate=R} the orders created per second (40, or 80 above 2,000 orders).
 */
class FaultInjectionIT {

    private static final int ORDERS = Integer.getInteger("faults.orders", 1500);

    private static final int RATE = Integer.getInteger("faults.rate", ORDERS > 2000 ? 80 : 40);

    private static final String PHASE = "faults";

    /** Orders closed before the run, to warm the instances' JVMs up. */
    private static final int WARM_UP = Math.max(200, ORDERS / 20);

    private static final int SKUS = 20;

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static final Duration GRACE = Duration.ofSeconds(5);

    private static final Duration LATENCY = Duration.ofMillis(20);

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

    private static final Duration LONGEST_FAULT = Duration.ofSeconds(3);

    /** The end waits this long with no order ending before it gives up and counts what is left. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private static final Duration TICK = Duration.ofMillis(100);

    /** Runnable threads per core (1-minute load average) above which timing is not asserted. */
    private static final int OVERLOADED = 4;

    @Test
    void everyOrderEndsExactlyOnceThroughNetworkProviderAndProcessFaults() {
        RabbitEndpoint rabbit = TestServices.rabbit();
        // Only for the server's address (this module's test database): the run creates and drops one of its own.
        DatabaseEndpoint server = TestServices.mariaDb("delay_close_starter_defaults");
        URI databaseAddress = URI.create(server.jdbcUrl().substring("jdbc:".length()));
        String serverUrl = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1);
        Map<String, String> options = new HashMap<>();
        options.put("out", "target/faults");
        options.put("latency", LATENCY.toMillis() + "ms");
        options.put("db-url", serverUrl);
        options.put("db-user", server.username());
        options.put("db-password", server.password());
        options.put("rabbit-host", rabbit.host());
        options.put("rabbit-port", Integer.toString(rabbit.port()));
        options.put("rabbit-user", rabbit.username());
        options.put("rabbit-password", rabbit.password());

        try (BenchRun run = new BenchRun(new BenchArgs(PHASE, options, Map.of()))) {
            FaultProxy brokerProxy = FaultProxy.start("broker", rabbit.host(), rabbit.port());
            run.teardown().add("close the broker proxy", brokerProxy::close);
            FaultProxy databaseProxy = FaultProxy.start("database", databaseAddress.getHost(), databaseAddress.getPort());
            run.teardown().add("close the database proxy", databaseProxy::close);

            OrderPlan plan = OrderPlan.create(run.idPrefix(PHASE), ORDERS, SKUS, 0);
            List<OrderKind> kinds = kinds(ORDERS);
            BenchDatabase database = run.database(PHASE);
            ShopLoader shop = new ShopLoader(database.jdbc());
            shop.insertSkus(plan);
            WxPaySimulator provider = run.provider().simulator();

            Instances instances = new Instances(run, database, PHASE,
                    applicationProperties(brokerProxy, databaseProxy, database, serverUrl));
            instances.startTwo();
            run.teardown().add("wait for a replacement instance", () -> instances.awaitReplacement());
            int warmUp = warmUp(run, shop, provider, instances, database.jdbc());

            long span = ORDERS * 1000L / RATE;
            List<FaultWindow> windows = FaultWindow.spreadOver(span, LONGEST_FAULT.toMillis());
            ExecutorService scheduling = Executors.newFixedThreadPool(4);
            run.teardown().add("stop scheduling", scheduling::shutdownNow);
            Payer payer = new Payer(provider, instances);
            run.teardown().add("stop paying", payer::close);
            FaultInjector injector = new FaultInjector(brokerProxy, databaseProxy, provider, LATENCY, CALL_TIMEOUT,
                    instances);
            run.teardown().add("heal every fault", injector::close);
            AtomicInteger scheduleFailures = new AtomicInteger();

            long start = System.currentTimeMillis();
            injector.schedule(windows, start);
            List<FaultOrder> orders = new ArrayList<>(ORDERS);
            Random jitter = new Random(ORDERS);
            while (orders.size() < ORDERS) {
                int due = (int) Math.min(ORDERS, (System.currentTimeMillis() - start) * RATE / 1000 + 1);
                if (due > orders.size()) {
                    List<BenchOrder> batch = plan.orders().subList(orders.size(), due);
                    long now = System.currentTimeMillis();
                    shop.insertOrders(batch, LocalDateTime.now());
                    for (BenchOrder order : batch) {
                        FaultOrder created = new FaultOrder(order.id(), order.skuId(), kinds.get(orders.size()), now,
                                now + TIMEOUT.toMillis());
                        open(created, provider, payer, jitter);
                        orders.add(created);
                    }
                    List<String> ids = batch.stream().map(BenchOrder::id).toList();
                    scheduling.execute(() -> scheduleFailures.addAndGet(schedule(instances, ids)));
                }
                Pause.of(TICK);
            }
            System.err.println("faults: " + ORDERS + " orders created in " + (System.currentTimeMillis() - start)
                    + " ms; waiting for them to end");

            JdbcTemplate jdbc = database.jdbc();
            awaitEveryOrderEnded(jdbc, payer, warmUp, orders.size(), countOf(kinds, OrderKind.PERMANENT_FAILURE));
            // One instance does all the work, and a new JVM starts on the same cores, until the replacement is ready.
            long replaced = instances.awaitReplacement() - start;
            List<FaultWindow> faults = windows.stream()
                    .map(window -> window.fault() == Fault.INSTANCE_KILLED ? window.lastingUntil(replaced) : window)
                    .toList();

            ParkingQueue parking = ParkingQueue.drain(rabbit, run.parkingQueue(PHASE));
            InstanceLogs logs = new InstanceLogs(instances.logs());
            FaultEndState end = FaultEndState.read(jdbc, provider, orders, OrderPlan.STOCK_PER_SKU, parking,
                    logs.parkDecisions());
            Lateness lateness = Lateness.of(orders, new CloseClock(jdbc).endTimes(), start, faults, GRACE.toMillis());
            long killedAt = injector.killedAt();
            // Answers are held back while the instance is killed: calls received just before are still open.
            long callsInFlightAtKill = provider.requests().stream().map(request -> request.receivedAt().toEpochMilli())
                    .filter(at -> at > killedAt - FaultInjector.SLOW.toMillis() && at <= killedAt).count();
            String setting = orders.size() + " at " + RATE + "/s, 2 instances, " + SKUS + " SKUs, timeout "
                    + TIMEOUT.toMillis() + " ms, grace " + GRACE.toMillis() + " ms";
            System.out.println(FaultReport.text(setting, orders, faults, scheduleFailures.get(), payer,
                    callsInFlightAtKill, brokerProxy, databaseProxy, logs, end, lateness));

            assertThat(end.unpaidPastDeadline()).as("orders unpaid past deadline + grace, not parked").isZero();
            assertThat(end.closedAndPaid()).as("orders closed and paid").isZero();
            assertThat(payer.refusedBeforeDeadline()).as("orders closed at the provider before their deadline").isZero();
            assertThat(end.wrongEnd()).as("orders that did not end as their kind must").isZero();
            assertThat(end.skusOff()).as("SKUs whose stock is off").isZero();
            assertThat(end.restoreMarkersWrong()).as("orders whose stock moved other than exactly once").isZero();
            assertThat(end.logRowsWrong()).as("orders without exactly one log row per transition").isZero();
            assertThat(end.parkedNotPermanent()).as("parked orders the provider would have answered").isZero();
            assertThat(end.permanentNotParked()).as("orders the provider always failed, not parked").isZero();
            assertThat(end.parkedTwice()).as("orders parked by more than one close").isZero();
            assertThat(end.parkingCopiesOff()).as("parked orders without a message in parking, or the reverse")
                    .isZero();
            assertThat(end.parked()).isEqualTo(countOf(kinds, OrderKind.PERMANENT_FAILURE));
            assertOnTimeOutsideFaults(lateness);
            assertThat(injector.killedAt()).as("an instance was killed").isPositive();
            assertThat(brokerProxy.cutSockets()).as("broker connections were cut").isPositive();
            assertThat(databaseProxy.cutSockets()).as("database connections were cut").isPositive();
        }
    }

    /**
     * Orders that met no fault close well within the grace: the sweep never has to step in. Timing
     * says nothing on a machine whose cores are several times oversubscribed (the figures are
     * printed all the same), so above {@link #OVERLOADED} runnable threads per core it is not asserted.
     */
    private static void assertOnTimeOutsideFaults(Lateness lateness) {
        double load = Double.parseDouble(LoadAverage.oneMinute().replace("unknown", "0"));
        int cores = Runtime.getRuntime().availableProcessors();
        if (load > OVERLOADED * cores) {
            System.err.println("faults: load average " + load + " on " + cores + " cores; lateness not asserted");
            return;
        }
        assertThat(lateness.outside().percentile(99)).as("p99 lateness of the orders that met no fault, ms")
                .isLessThan(GRACE.toMillis());
    }

    /**
     * Closes a batch of unpaid orders of their own (own ids, own SKUs) before the run, through both
     * instances, without faults: a shop's JVMs are warm, and lateness measured on JVMs that still
     * compile their hot paths would report the compiler, not delay-close.
     *
     * @return how many orders it closed
     */
    private static int warmUp(BenchRun run, ShopLoader shop, WxPaySimulator provider, Instances instances,
            JdbcTemplate jdbc) {
        OrderPlan plan = OrderPlan.create(run.idPrefix(PHASE) + "W", WARM_UP, 4, 0);
        shop.insertSkus(plan);
        shop.insertOrders(plan.orders(), LocalDateTime.now());
        plan.orders().forEach(order -> provider.createOrder(order.id()));
        List<String> ids = plan.orders().stream().map(BenchOrder::id).toList();
        for (int half = 0; half < 2; half++) {
            instances.any().schedule(ids.subList(half * ids.size() / 2, (half + 1) * ids.size() / 2));
        }
        System.err.println("faults: warming up with " + WARM_UP + " orders");
        await().atMost(STALL).pollInterval(Duration.ofMillis(200)).until(
                () -> jdbc.queryForObject("SELECT COUNT(*) FROM tb_order WHERE order_status = '4'", Integer.class),
                closed -> closed == WARM_UP);
        return WARM_UP;
    }

    /** Each order's kind, drawn with a fixed seed so that runs of one size are alike. */
    private static List<OrderKind> kinds(int orders) {
        Random random = new Random(42);
        List<OrderKind> kinds = new ArrayList<>(orders);
        for (int i = 0; i < orders; i++) {
            kinds.add(OrderKind.ofDraw(random.nextInt(100)));
        }
        return kinds;
    }

    private static int countOf(List<OrderKind> kinds, OrderKind kind) {
        return (int) kinds.stream().filter(kind::equals).count();
    }

    /** Opens the order at the provider, as {@code unifiedorder} would, with what its kind needs. */
    private static void open(FaultOrder order, WxPaySimulator provider, Payer payer, Random jitter) {
        provider.createOrder(order.id());
        long halfWindow = TIMEOUT.toMillis() / 2;
        switch (order.kind()) {
            case PAID_NOTIFIED -> payer.payAt(order.id(), order.createdAt() + halfWindow, order.deadline(), true);
            case PAID_SILENTLY -> payer.payAt(order.id(), order.createdAt() + halfWindow, order.deadline(), false);
            // Around the moment the close asks the provider, from just before to just after.
            case PAID_RACING -> payer.payAt(order.id(), order.deadline() - 100 + jitter.nextInt(400), order.deadline(),
                    true);
            case TRANSIENT_ERRORS -> provider.failNextFor(order.id(), 1 + jitter.nextInt(2), "SYSTEMERROR");
            case PERMANENT_FAILURE -> provider.failNextFor(order.id(), 1_000, "SYSTEMERROR");
            case UNPAID -> {
            }
        }
    }

    /** Schedules through a running instance; returns how many could not be (the sweep must find those). */
    private static int schedule(Instances instances, List<String> ids) {
        try {
            return instances.any().schedule(ids);
        }
        catch (RuntimeException ex) {
            // The instance was killed during the call: some may have been scheduled, some not.
            return ids.size();
        }
    }

    private static Map<String, String> applicationProperties(FaultProxy broker, FaultProxy databaseProxy,
            BenchDatabase database, String serverUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        // addresses, not host and port: the bench names its broker by addresses, which win over both.
        properties.put("spring.rabbitmq.addresses", "127.0.0.1:" + broker.port());
        properties.put("spring.rabbitmq.connection-timeout", "2s");
        properties.put("spring.datasource.url",
                "jdbc:mariadb://127.0.0.1:" + databaseProxy.port() + "/" + database.name());
        properties.put("spring.datasource.hikari.connection-timeout", "3000");
        // The run migrated the database itself; the test class path has Flyway, which must not run again.
        properties.put("spring.flyway.enabled", "false");
        properties.put("delay-close.timeout", TIMEOUT.toMillis() + "ms");
        // Enough attempts to outlast any one fault window, few enough to park the permanent failures soon.
        properties.put("delay-close.retry.max-attempts", "8");
        properties.put("delay-close.retry.initial-interval", "250ms");
        properties.put("delay-close.retry.multiplier", "2");
        properties.put("delay-close.retry.max-interval", "2s");
        properties.put("delay-close.sweep.interval", "1s");
        properties.put("delay-close.sweep.grace", GRACE.toMillis() + "ms");
        properties.put("delay-close.sweep.lookback", "1m");
        properties.put("delay-close.publish.confirm-timeout", "1s");
        properties.put("delay-close.publish.budget", "3s");
        properties.put("delay-close.wxpay.call-timeout", CALL_TIMEOUT.toMillis() + "ms");
        properties.put("delay-close.listener.shutdown-grace", "5s");
        return properties;
    }

    /**
     * Waits until every order has left UNPAID or is parked and the payers are done; gives up when
     * nothing changed for {@link #STALL}, and the checks then count what is left.
     */
    private static void awaitEveryOrderEnded(JdbcTemplate jdbc, Payer payer, int warmUp, int orders, int permanent) {
        Progress progress = new Progress();
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            int ended = jdbc.queryForObject("SELECT COUNT(*) FROM tb_order WHERE order_status <> '0'", Integer.class)
                    - warmUp;
            int parked = jdbc.queryForObject("SELECT COUNT(*) FROM delay_close_attempt WHERE state = 'PARKED'",
                    Integer.class);
            boolean done = ended + permanent >= orders && parked >= permanent && payer.pending() == 0;
            if (!done && progress.stalledAt(ended + parked)) {
                System.err.println("faults: nothing ended for " + STALL.toSeconds() + " s; checking what is there");
                return true;
            }
            return done;
        });
    }

    /** When a count last changed. */
    private static final class Progress {

        private int last = -1;
        private long changedAt = System.nanoTime();

        /** Whether {@code count} has not changed for {@link #STALL}. */
        boolean stalledAt(int count) {
            if (count != last) {
                last = count;
                changedAt = System.nanoTime();
            }
            return System.nanoTime() - changedAt > STALL.toNanos();
        }
    }
}
