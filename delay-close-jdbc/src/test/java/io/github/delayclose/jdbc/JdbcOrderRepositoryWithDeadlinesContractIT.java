package io.github.delayclose.jdbc;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.test.contract.OrderRepositoryContract;

/** The SPI contract, on the reference schema with its optional deadline column turned on. */
class JdbcOrderRepositoryWithDeadlinesContractIT extends OrderRepositoryContract {

    private final ShopSchema schema = ShopSchema.TUTORIAL;

    private final Shop shop = new Shop(TestDatabase.dataSource(), schema, ZoneId.systemDefault());

    private final OrderRepository repository = JdbcOrderRepository.builder(TestDatabase.dataSource())
            .orderTable(OrderTable.defaults().withDeadlineColumn("deadline"))
            .build();

    @Override
    protected OrderRepository repository() {
        return repository;
    }

    @Override
    protected void givenUnpaidOrder(String orderId, Instant createdAt) {
        shop.unpaidOrder(orderId, createdAt);
    }

    @Override
    protected Optional<OrderStatus> statusInStore(String orderId) {
        return shop.statusCode(orderId).map(schema.codes()::toStatus);
    }
}
