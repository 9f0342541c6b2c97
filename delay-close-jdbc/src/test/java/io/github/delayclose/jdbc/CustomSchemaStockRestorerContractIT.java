package io.github.delayclose.jdbc;

import java.time.ZoneId;
import java.util.Map;

import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.test.contract.StockRestorerContract;

/** The SPI contract, on a schema whose every table and column name differs from the defaults. */
class CustomSchemaStockRestorerContractIT extends StockRestorerContract {

    private final Shop shop = new Shop(TestDatabase.dataSource(), ShopSchema.CUSTOM, ZoneId.systemDefault());

    private final StockRestorer restorer = ShopSchema.CUSTOM.restorer(TestDatabase.dataSource());

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
