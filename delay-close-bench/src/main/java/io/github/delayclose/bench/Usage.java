package io.github.delayclose.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The text of {@code bench/run --help}, and the option keys it documents (the only ones accepted). */
final class Usage {

    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("orders", "orders in the batch (drain, hotsku, rawdb 20000; burst 100000; pending 1000000; baseline 1000;"
                + " failover 6000)");
        KEYS.put("warmup", "drain, hotsku, burst, steady, mixed: orders the application closes first, unmeasured, so its JVM is warm"
                + " (3000, at most a quarter of the batch)");
        KEYS.put("baseline-orders", "drain: orders for the tutorial baseline measured in the same run (1000)");
        KEYS.put("with-drain", "hotsku: also run drain with the same orders and print ratio_to_drain (false)");
        KEYS.put("rate", "steady: orders created per second (500); mixed: (2000); failover (25)");
        KEYS.put("duration", "steady: how long orders are created (60s); mixed: (5s)");
        KEYS.put("min-window", "mixed: shortest payment window, each order's drawn evenly between min and max (1s)");
        KEYS.put("max-window", "mixed: longest payment window (60s)");
        KEYS.put("seed", "mixed: seed of the random windows, so runs can be repeated (1)");
        KEYS.put("timeout", "steady, failover: payment window of each order (10s); pending: long enough that none"
                + " falls due (2h)");
        KEYS.put("window", "steady: width of a lateness window (10s)");
        KEYS.put("backlog-tolerance", "steady: a window's p99 later than the previous one by more than this means"
                + " the backlog grew (100ms; the same time's worth of orders for the queue depth)");
        KEYS.put("provider-rate", "burst: delay-close's ceiling on provider calls per second (none)");
        KEYS.put("provider-concurrency", "burst: delay-close's ceiling on concurrent provider calls (none)");
        KEYS.put("queue-type", "failover: quorum or classic (quorum)");
        KEYS.put("down", "failover: how long each killed node stays down (15s)");
        KEYS.put("first-fault", "failover: steady load before the first node is killed (30s; the CPU per close is read in it)");
        KEYS.put("settle", "failover: time after a node is back before the next one is killed (20s)");
        KEYS.put("rabbitmq-sbin", "failover: folder with rabbitmq-server and rabbitmqctl, run as the current user"
                + " (/usr/lib/rabbitmq/bin)");
        KEYS.put("latency", "time the simulated WeChat Pay takes to answer each call (20ms)");
        KEYS.put("skus", "SKUs the orders are spread over (1000; hotsku always 1)");
        KEYS.put("paid", "percent of orders the payer pays, without a notification, before they are due (0)");
        KEYS.put("stall", "give up when nothing happens for this long (60s)");
        KEYS.put("app-heap", "-Xms/-Xmx of the application under test (1g)");
        KEYS.put("out", "where application logs go, one folder per run (bench/out)");
        KEYS.put("keep", "keep the bench databases for inspection (false)");
        KEYS.put("db-url", "MariaDB/MySQL server, without a database (jdbc:mariadb://127.0.0.1:3306/)");
        KEYS.put("db-user", "(root)");
        KEYS.put("db-password", "(empty)");
        KEYS.put("rabbit-host", "(127.0.0.1)");
        KEYS.put("rabbit-port", "(5672)");
        KEYS.put("rabbit-user", "(guest)");
        KEYS.put("rabbit-password", "(guest)");
    }

    private Usage() {
    }

    static Set<String> keys() {
        return KEYS.keySet();
    }

    static String text() {
        StringBuilder text = new StringBuilder("""
                Usage: bench/run SCENARIO [--key=value ...] [--set property=value ...]

                Measures delay-close (the starter with the JDBC and WeChat Pay v2 defaults, in a JVM of its own)
                against the local RabbitMQ and MariaDB and a simulated WeChat Pay; the last line printed is
                RESULT scenario=NAME key=value ... lost=N load1=X

                Scenarios:
                  drain     N orders due together; closes_per_s, and the tutorial baseline in the same run (ratio)
                  hotsku    drain with every order on one SKU
                  steady    R orders/s for D seconds; lateness p50/p99 overall and per window, backlog_grew
                  burst     a very large batch due together; provider_peak_rps under optional provider ceilings
                  pending   heap of the application with 0 and with N orders waiting in the delay queue
                  baseline  the tutorial's design alone: one consumer, provider calls inside the transaction
                  rawdb     the database's part of a close alone, on 10 threads: the ceiling for drain --latency=0ms
                  mixed     R orders/s for D seconds, each with its own window of 1-60 s; lateness p50/p99, early
                  failover  a 3-node cluster of its own losing the delay queue's leader, the timeout queue's
                            leader and the application's node in turn; lateness in and outside the faults,
                            listener recovery, orders lost or closed twice

                --set property=value   passes a property to the application under test, e.g.
                                       --set delay-close.listener.concurrency=32 (repeatable)

                Keys:
                """);
        KEYS.forEach((key, description) -> text.append(String.format("  --%-22s %s%n", key, description)));
        return text.toString();
    }
}
