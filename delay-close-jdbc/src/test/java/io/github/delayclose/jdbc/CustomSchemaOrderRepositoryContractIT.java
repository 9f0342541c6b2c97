package io.github.delayclose.jdbc;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.OrderStatus;
import io.github.delayclose.test.contract.OrderRepositoryContract;

/**
 * The SPI contract, on a schema whose every table name, column name and status code differs from
 * the defaults, in a zone other than the JVM's.
 */
class CustomSchemaOrderRepositoryContractIT extends OrderRepositoryContract {

    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private final ShopSchema schema = ShopSchema.CUSTOM;

    private final Shop shop = new Shop(TestDatabase.dataSource(), schema, ZONE);

    private final OrderRepository repository = schema.repository(TestDatabase.dataSource()).zone(ZONE).build();

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
        return shop.statusCode(orderId).map(code -> switch (code) {
            case "WAIT_PAY" -> OrderStatus.UNPAID;
            case "PAID" -> OrderStatus.PAID;
            case "CLOSED" -> OrderStatus.CLOSED;
            default -> throw new AssertionError("unexpected status code " + code);
        });
    }
}
