package io.github.delayclose.core.doubles;

import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A {@link TransactionOperations} that writes begin/commit/rollback into the shared {@link CallLog},
 * so a test can see which SPI calls ran inside which transaction callback.
 */
public final class RecordingTransactions implements TransactionOperations {

    private final CallLog log;

    public RecordingTransactions(CallLog log) {
        this.log = log;
    }

    @Override
    public <T> T execute(TransactionCallback<T> action) {
        log.add("begin");
        try {
            T result = action.doInTransaction(new SimpleTransactionStatus());
            log.add("commit");
            return result;
        }
        catch (RuntimeException | Error ex) {
            log.add("rollback");
            throw ex;
        }
    }
}
