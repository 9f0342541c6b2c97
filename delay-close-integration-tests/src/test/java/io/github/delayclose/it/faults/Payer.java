package io.github.delayclose.it.faults;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.delayclose.wxpay.simulator.WxPaySimulator;

/**
 * The payers and WeChat Pay's notifications: pays orders at the provider at a given time and, for
 * those whose notification is not lost, posts it to the shop, sending it again while the shop
 * answers with an error, as WeChat Pay does.
 */
final class Payer implements AutoCloseable {

    private static final Duration RESEND_AFTER = Duration.ofMillis(500);

    private static final int MAX_SENDS = 30;

    private final WxPaySimulator provider;
    private final Instances shop;
    /** Pays on time: paying is instant, and never waits behind a notification the shop is slow to answer. */
    private final ScheduledExecutorService payments = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "payer");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService notifications = Executors.newScheduledThreadPool(4, task -> {
        Thread thread = new Thread(task, "payment-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
    private final AtomicInteger racesLostToTheClose = new AtomicInteger();
    private final AtomicInteger refusedBeforeDeadline = new AtomicInteger();
    private final AtomicInteger resends = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();

    Payer(WxPaySimulator provider, Instances shop) {
        this.provider = provider;
        this.shop = shop;
    }

    /**
     * Pays the order at the provider at {@code atMillis} (epoch) and notifies the shop if
     * {@code notify}. A payment the provider refuses because it closed the order first (the payer
     * lost the race to the close) is counted and not notified; refused before {@code deadline}, it
     * is counted as a close before the deadline.
     */
    void payAt(String orderId, long atMillis, long deadline, boolean notify) {
        pending.incrementAndGet();
        payments.schedule(() -> pay(orderId, deadline, notify), Math.max(0, atMillis - System.currentTimeMillis()),
                TimeUnit.MILLISECONDS);
    }

    private void pay(String orderId, long deadline, boolean notify) {
        try {
            provider.pay(orderId);
        }
        catch (IllegalStateException closedFirst) {
            if (System.currentTimeMillis() < deadline) {
                refusedBeforeDeadline.incrementAndGet();
            }
            racesLostToTheClose.incrementAndGet();
            pending.decrementAndGet();
            return;
        }
        if (notify) {
            String xml = provider.notificationXml(orderId);
            notifications.execute(() -> send(orderId, xml, 1));
        }
        else {
            pending.decrementAndGet();
        }
    }

    private void send(String orderId, String xml, int attempt) {
        try {
            String result = shop.any().notifyPayment(xml);
            results.computeIfAbsent(result, r -> new AtomicInteger()).incrementAndGet();
            pending.decrementAndGet();
        }
        catch (RuntimeException ex) {
            if (attempt >= MAX_SENDS) {
                results.computeIfAbsent("GAVE_UP", r -> new AtomicInteger()).incrementAndGet();
                pending.decrementAndGet();
                return;
            }
            resends.incrementAndGet();
            notifications.schedule(() -> send(orderId, xml, attempt + 1), RESEND_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Payments and notifications not done yet. */
    int pending() {
        return pending.get();
    }

    /** How the shop answered the notifications, by {@code PaymentRecordResult}; GAVE_UP when it never did. */
    Map<String, Integer> notificationResults() {
        Map<String, Integer> copy = new TreeMap<>();
        results.forEach((result, count) -> copy.put(result, count.get()));
        return copy;
    }

    /** Payments refused because the provider had closed the order already. */
    int racesLostToTheClose() {
        return racesLostToTheClose.get();
    }

    /** Payments refused because the order was closed at the provider before its deadline: closed early. */
    int refusedBeforeDeadline() {
        return refusedBeforeDeadline.get();
    }

    int resends() {
        return resends.get();
    }

    @Override
    public void close() {
        payments.shutdownNow();
        notifications.shutdownNow();
    }
}
