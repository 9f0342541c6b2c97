package io.github.delayclose.test.doubles;

import java.time.Instant;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.test.contract.OrderRepositoryContract;

/** The in-memory order repository keeps the same promises as a database-backed one. */
class InMemoryOrderRepositoryContractTest extends OrderRepositoryContract {

    private final InMemoryOrderRepository repository = new InMemoryOrderRepository();

    @Override
    protected OrderRepository repository() {
        return repository;
    }

    @Override
    protected void givenUnpaidOrder(String orderId, Instant createdAt) {
        repository.create(orderId, createdAt);
    }
}
