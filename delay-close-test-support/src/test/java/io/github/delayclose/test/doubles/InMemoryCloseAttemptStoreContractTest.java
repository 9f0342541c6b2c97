package io.github.delayclose.test.doubles;

import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.test.contract.CloseAttemptStoreContract;

/** The in-memory store passes the contract it ships with. */
class InMemoryCloseAttemptStoreContractTest extends CloseAttemptStoreContract {

    private final InMemoryCloseAttemptStore store = new InMemoryCloseAttemptStore();

    @Override
    protected CloseAttemptStore store() {
        return store;
    }
}
