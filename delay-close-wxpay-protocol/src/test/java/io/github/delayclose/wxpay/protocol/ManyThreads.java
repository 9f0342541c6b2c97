package io.github.delayclose.wxpay.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same check on several threads at once, for code that is meant to be shared between threads. */
final class ManyThreads {

    /** A check run {@code rounds} times on one thread. */
    @FunctionalInterface
    interface Round {
        /** @return whether the round's result was right */
        boolean run(int thread, int round) throws Exception;
    }

    private ManyThreads() {
    }

    /** Whether every round on every one of {@code threads} threads, all started together, was right. */
    static boolean allRight(int threads, int rounds, Round round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Boolean> oneThread = () -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        if (!round.run(thread, i)) {
                            return false;
                        }
                    }
                    return true;
                };
                results.add(pool.submit(oneThread));
            }
            start.countDown();
            boolean allRight = true;
            for (Future<Boolean> result : results) {
                allRight &= result.get();
            }
            return allRight;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
