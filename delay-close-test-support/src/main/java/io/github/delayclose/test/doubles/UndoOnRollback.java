package io.github.delayclose.test.doubles;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes an in-memory change take part in the caller's Spring-managed transaction, as a change in a
 * database would: undone if that transaction rolls back. delay-close closes an order and restores
 * its stock in one transaction; without this, a restore that fails would leave the in-memory order
 * closed and its stock never given back, which no real store does.
 */
final class UndoOnRollback {

    private UndoOnRollback() {
    }

    /** Runs {@code undo} if the current transaction rolls back; does nothing outside a transaction. */
    static void register(Runnable undo) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_ROLLED_BACK) {
                    undo.run();
                }
            }
        });
    }
}
