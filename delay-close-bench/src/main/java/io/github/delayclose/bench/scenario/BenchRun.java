package io.github.delayclose.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.github.delayclose.bench.app.AppMode;
import io.github.delayclose.bench.app.tutorial.TutorialQueues;
import io.github.delayclose.bench.cli.BenchArgs;
import io.github.delayclose.bench.driver.AppClient;
import io.github.delayclose.bench.driver.AppLaunch;
import io.github.delayclose.bench.driver.AppProcess;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.driver.Broker;
import io.github.delayclose.bench.driver.DatabaseServer;
import io.github.delayclose.bench.driver.Progress;
import io.github.delayclose.bench.driver.ProviderSimulator;
import io.github.delayclose.bench.driver.RabbitServer;
import io.github.delayclose.bench.driver.Teardown;
import io.github.delayclose.bench.report.CpuAccount;

/**
 * What every scenario of one run shares: the parsed arguments, the services, the provider
 * simulator, and the teardown that removes what the run created. Names carry a run id, so runs
 * never share queues or databases with each other or with anyone else on the same services.
 */
public final class BenchRun implements AutoCloseable {

    private final BenchArgs args;
    private final String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private final DatabaseServer database;
    private final Broker broker;
    private final ProviderSimulator provider;
    private final Teardown teardown = new Teardown();

    public BenchRun(BenchArgs args) {
        this.args = args;
        this.database = new DatabaseServer(args.text("db-url", "jdbc:mariadb://127.0.0.1:3306/"),
                args.text("db-user", "root"), args.text("db-password", ""));
        this.broker = new Broker(RabbitServer.at(args.text("rabbit-host", "127.0.0.1"),
                args.count("rabbit-port", 5672, 1), args.text("rabbit-user", "guest"),
                args.text("rabbit-password", "guest")));
        teardown.add("close the driver's broker connection", broker::close);
        this.provider = ProviderSimulator.start(args.duration("latency", Duration.ofMillis(20)));
        teardown.add("stop the provider simulator", provider::close);
    }

    public BenchArgs args() {
        return args;
    }

    public Broker broker() {
        return broker;
    }

    public ProviderSimulator provider() {
        return provider;
    }

    /** Where this run's logs go: {@code --out}, then the run id. */
    public Path outDir() {
        return Path.of(args.text("out", "bench/out"), runId);
    }

    /** Six letters and digits that tell this run's names apart from any other's. */
    public String runId() {
        return runId;
    }

    public Teardown teardown() {
        return teardown;
    }

    /** How long a phase waits while nothing happens before it gives up. */
    public Duration stall() {
        return args.duration("stall", Duration.ofSeconds(60));
    }

    public double paidPercent() {
        double paid = args.decimal("paid", 0);
        if (paid < 0 || paid > 100) {
            throw new IllegalArgumentException("--paid is a percentage, 0 to 100: " + paid);
        }
        return paid;
    }

    public int skus(int fallback) {
        return args.count("skus", fallback, 1);
    }

    /** Letters and digits only, so order ids stay valid WeChat Pay {@code out_trade_no}s. */
    public String idPrefix(String phase) {
        return "B" + runId + phase.replaceAll("[^a-z]", "").substring(0, 2).toUpperCase(Locale.ROOT);
    }

    private String queuePrefix(String phase) {
        return "delay-close-bench." + runId + "." + phase;
    }

    /**
     * The processes whose CPU a phase accounts for: the application under test, this driver (which
     * also plays the provider), the database server and the broker, when they run on this machine.
     */
    public Map<String, Long> cpuProcesses(AppProcess app) {
        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("app", app.pid());
        processes.put("driver", ProcessHandle.current().pid());
        processes.put("db", CpuAccount.pidOf("mariadbd", "mysqld"));
        processes.put("broker", CpuAccount.pidOf("beam.smp"));
        return processes;
    }

    /** A fresh database for the phase, dropped when the phase ends unless {@code --keep}. */
    public BenchDatabase database(String phase) {
        BenchDatabase created = BenchDatabase.create(database, "delay_close_bench_" + runId + "_" + phase.replace('-', '_'));
        teardown.add("drop database " + created.name(), args.flag("keep", false) ? created::close : created::drop);
        return created;
    }

    /** The queue the phase's listener consumes and the one its orders wait in. */
    public PhaseQueues queues(AppMode mode, String phase) {
        if (mode == AppMode.TUTORIAL) {
            TutorialQueues tutorial = tutorialQueues(phase);
            return new PhaseQueues(tutorial.delay(), tutorial.timeout());
        }
        return new PhaseQueues(queuePrefix(phase) + ".delay", queuePrefix(phase) + ".timeout");
    }

    /** Where the phase's delay-close parks the orders it gives up on. */
    public String parkingQueue(String phase) {
        return queuePrefix(phase) + ".parking";
    }

    private TutorialQueues tutorialQueues(String phase) {
        return TutorialQueues.under(queuePrefix(phase) + ".tutorial");
    }

    /**
     * Starts the application under test for a phase and registers its stop and the removal of its
     * queues. delay-close runs on its defaults: the only delay-close properties set here are the
     * queue names, the JDBC and WeChat Pay connections, and what the scenario passes in
     * {@code properties}; {@code --set} overrides come last and win.
     */
    public AppProcess startApp(AppMode mode, BenchDatabase db, String phase, Map<String, String> properties) {
        return startApp(mode, db, phase, "app", properties, broker);
    }

    /**
     * Starts the application under test, as {@link #startApp(AppMode, BenchDatabase, String, Map)}, on
     * another broker than the run's (a cluster of the scenario's own); {@code target} also removes its
     * queues when the phase ends.
     */
    public AppProcess startApp(AppMode mode, BenchDatabase db, String phase, Map<String, String> properties,
            Broker target) {
        return startApp(mode, db, phase, "app", properties, target);
    }

    /**
     * Like {@link #startApp(AppMode, BenchDatabase, String, Map)}, for one of several instances of
     * the application in the same phase: same queues and database, a log of its own.
     *
     * @param instance a word naming this instance, in its log file's name
     */
    public AppProcess startApp(AppMode mode, BenchDatabase db, String phase, String instance,
            Map<String, String> properties) {
        return startApp(mode, db, phase, instance, properties, broker);
    }

    private AppProcess startApp(AppMode mode, BenchDatabase db, String phase, String instance,
            Map<String, String> properties, Broker target) {
        String prefix = queuePrefix(phase);
        // In the baseline, delay-close's own (idle) queues get names apart from the measured ones.
        String delayClose = mode == AppMode.TUTORIAL ? prefix + ".idle" : prefix;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("spring.main.banner-mode", "off");
        // What a shop that tunes nothing logs: Spring Boot's INFO, so delay-close's line per close.
        all.put("logging.level.io.github.delayclose", "INFO");
        all.putAll(target.server().springProperties());
        all.put("spring.datasource.url", db.jdbcUrl());
        all.put("spring.datasource.username", database.user());
        all.put("spring.datasource.password", database.password());
        all.put("delay-close.jdbc.enabled", "true");
        all.putAll(provider.gatewayProperties());
        all.put("delay-close.queues.delay", delayClose + ".delay");
        all.put("delay-close.queues.dead-letter-exchange", delayClose + ".dlx");
        all.put("delay-close.queues.timeout", delayClose + ".timeout");
        all.put("delay-close.queues.parking", delayClose + ".parking");
        List<String> queues = new ArrayList<>(List.of(delayClose + ".delay", delayClose + ".timeout", delayClose + ".parking"));
        List<String> exchanges = new ArrayList<>(List.of(delayClose + ".dlx"));
        if (mode == AppMode.TUTORIAL) {
            // delay-close is there only for its WeChat Pay gateway: nothing of it may close orders.
            all.put("delay-close.listener.auto-startup", "false");
            all.put("delay-close.sweep.enabled", "false");
            all.put(TutorialQueues.PREFIX_PROPERTY, prefix + ".tutorial");
            TutorialQueues tutorial = tutorialQueues(phase);
            queues.addAll(List.of(tutorial.delay(), tutorial.timeout()));
            exchanges.add(tutorial.exchange());
        }
        all.putAll(properties);
        all.putAll(args.overrides());
        Path log = outDir().resolve(phase + "-" + instance + ".log");
        Progress.say(phase + ": starting the application under test (" + mode.value() + "), log " + log);
        AppProcess app = AppProcess.launch(new AppLaunch(mode, all, args.text("app-heap", "1g"), log));
        // Registered before it is ready: one that fails or is interrupted half-way may have declared queues.
        teardown.add("stop the application under test and remove its queues",
                () -> stop(app, prefix, queues, exchanges, target));
        app.awaitReady(Duration.ofMinutes(3));
        return app;
    }

    private static void stop(AppProcess app, String prefix, List<String> queues, List<String> exchanges, Broker target) {
        if (app.isReady()) {
            try {
                AppClient.Declared declared = app.client().declared();
                queues.addAll(declared.queues());
                exchanges.addAll(declared.exchanges());
            }
            catch (RuntimeException ex) {
                Progress.say("could not ask the application for its queues: " + ex.getMessage());
            }
        }
        // Stopped first: a running listener would declare a deleted queue again.
        app.close();
        target.deleteUnder(prefix, queues, exchanges);
    }

    @Override
    public void close() {
        teardown.runAll();
    }

    /** @param delay where scheduled orders wait; {@code timeout} where the listener takes them from */
    public record PhaseQueues(String delay, String timeout) {
    }
}
