package io.github.delayclose.test.doubles;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.delayclose.core.spi.StockRestorer;

/** Records each restore, so tests can assert that stock moved exactly once. */
public final class InMemoryStockRestorer implements StockRestorer {

    private final List<String> restored = new CopyOnWriteArrayList<>();

    @Override
    public void restore(String orderId) {
        restored.add(orderId);
    }

    public long restoresOf(String orderId) {
        return restored.stream().filter(orderId::equals).count();
    }
}
