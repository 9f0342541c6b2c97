package io.github.delayclose.jdbc;

import java.time.ZoneId;
import java.util.Map;

import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.test.contract.StockRestorerContract;

/** The SPI contract, on the reference schema with every default. */
class JdbcStockRestorerContractIT extends StockRestorerContract {

    private final Shop shop = new Shop(TestDatabase.dataSource(), ShopSchema.TUTORIAL, ZoneId.systemDefault());

    private final StockRestorer restorer = JdbcStockRestorer.builder(TestDatabase.dataSource()).build();

    @Override
    protected StockRestorer restorer() {
        return restorer;
    }

    @Override
    protected void givenOrderWithItems(String orderId, Map<String, Integer> quantityBySku) {
        shop.orderWithItems(orderId, quantityBySku);
    }

    @Override
    protected long stockOf(String skuId) {
        return shop.stock(skuId).orElseThrow();
    }
}
