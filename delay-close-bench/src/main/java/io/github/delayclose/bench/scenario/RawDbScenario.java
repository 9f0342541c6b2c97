package io.github.delayclose.bench.scenario;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import io.github.delayclose.bench.driver.BenchDatabase;
import io.github.delayclose.bench.driver.BenchOrder;
import io.github.delayclose.bench.driver.EndStateCheck;
import io.github.delayclose.bench.driver.OrderPlan;
import io.github.delayclose.bench.driver.Progress;
import io.github.delayclose.bench.driver.ShopLoader;
import io.github.delayclose.bench.report.ResultLine;
import io.github.delayclose.jdbc.JdbcOrderRepository;
import io.github.delayclose.jdbc.JdbcStockRestorer;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code rawdb}: the database's part of a close and nothing else, as fast as the database takes it:
 * read the order, then in one transaction close it, write its log row and give back its stock, with
 * delay-close-jdbc's own repository and restorer, on as many threads as the application's connection
 * pool has connections (HikariCP's default, 10). No broker, no provider, no listener: the ceiling
 * {@code drain --latency=0ms} is compared with.
 */
final class RawDbScenario implements Scenario {

    /** HikariCP's default pool size, which the application under test runs with. */
    static final int POOL_SIZE = 10;

    @Override
    public Outcome run(BenchRun run) {
        int orders = run.args().count("orders", DrainScenario.DEFAULT_ORDERS, 1);
        int mark = run.teardown().mark();
        try {
            OrderPlan plan = OrderPlan.create(run.idPrefix("rawdb"), orders, run.skus(DrainScenario.DEFAULT_SKUS), 0);
            BenchDatabase database = run.database("rawdb");
            ShopLoader shop = new ShopLoader(database.jdbc());
            shop.insertSkus(plan);
            shop.insertOrders(plan.orders(), LocalDateTime.now().minusMinutes(1));
            try (HikariDataSource pool = database.newPool(POOL_SIZE, "rawdb")) {
                JdbcOrderRepository repository = JdbcOrderRepository.builder(pool).build();
                JdbcStockRestorer stock = JdbcStockRestorer.builder(pool).build();
                TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
                Progress.say("rawdb: closing " + orders + " orders on " + POOL_SIZE + " threads, database only");
                long start = System.nanoTime();
                int closed = closeAll(plan.orders(), repository, stock, transactions);
                double seconds = (System.nanoTime() - start) / 1e9;
                EndStateCheck.EndState end = new EndStateCheck(database.jdbc()).check(plan);
                ResultLine line = ResultLine.of("rawdb").put("orders", orders).put("closed", closed)
                        .put("closes_per_s", closed / seconds).put("seconds", seconds).put("threads", POOL_SIZE);
                return new Outcome(line, end.lost());
            }
        }
        finally {
            run.teardown().runDownTo(mark);
        }
    }

    private static int closeAll(List<BenchOrder> orders, JdbcOrderRepository repository, JdbcStockRestorer stock,
            TransactionTemplate transactions) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < POOL_SIZE; i++) {
                workers.add(threads.submit(() -> {
                    for (int index = next.getAndIncrement(); index < orders.size(); index = next.getAndIncrement()) {
                        String orderId = orders.get(index).id();
                        repository.findOrder(orderId); // a close reads the order before it decides
                        Boolean won = transactions.execute(tx -> {
                            boolean marked = repository.markClosed(orderId, Instant.now());
                            if (marked) {
                                stock.restore(orderId);
                            }
                            return marked;
                        });
                        if (Boolean.TRUE.equals(won)) {
                            closed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("a close transaction failed", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
        finally {
            threads.shutdownNow();
        }
        return closed.get();
    }
}
