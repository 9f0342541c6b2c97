package io.github.delayclose.core.doubles;

import io.github.delayclose.core.spi.StockRestorer;

/** A {@link StockRestorer} that records each restore and can be told to fail. */
public final class RecordingStockRestorer implements StockRestorer {

    private final CallLog log;
    private RuntimeException failure;

    public RecordingStockRestorer(CallLog log) {
        this.log = log;
    }

    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    @Override
    public void restore(String orderId) {
        log.add("restore " + orderId);
        if (failure != null) {
            throw failure;
        }
    }
}
