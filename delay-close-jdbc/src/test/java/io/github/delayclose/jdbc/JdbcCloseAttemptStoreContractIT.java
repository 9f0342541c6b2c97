package io.github.delayclose.jdbc;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.delayclose.core.spi.CloseAttemptStore;
import io.github.delayclose.test.contract.CloseAttemptStoreContract;
import org.junit.jupiter.api.Test;

/** The close-attempt store's contract, on the reference table in real MariaDB. */
class JdbcCloseAttemptStoreContractIT extends CloseAttemptStoreContract {

    private final JdbcCloseAttemptStore store = new JdbcCloseAttemptStore(TestDatabase.dataSource());

    @Override
    protected CloseAttemptStore store() {
        return store;
    }

    @Test
    void theReferenceTableIsThereAndAMissingOneFailsStartUpWithTheWayOut() {
        store.verifyTable();
        assertThatIllegalStateException()
                .isThrownBy(() -> new JdbcCloseAttemptStore(TestDatabase.dataSource(), "no_such_attempt_table").verifyTable())
                .withMessageContaining("V3__close_attempts.sql");
    }
}
