package io.github.delayclose.test.doubles;

import java.util.Map;

import io.github.delayclose.core.spi.StockRestorer;
import io.github.delayclose.test.contract.StockRestorerContract;

/** The in-memory stock restorer keeps the same promises as a database-backed one. */
class InMemoryStockRestorerContractTest extends StockRestorerContract {

    private final InMemoryStockRestorer restorer = new InMemoryStockRestorer();

    @Override
    protected StockRestorer restorer() {
        return restorer;
    }

    @Override
    protected void givenOrderWithItems(String orderId, Map<String, Integer> quantityBySku) {
        quantityBySku.keySet().forEach(skuId -> restorer.setStock(skuId, 50));
        restorer.reserve(orderId, quantityBySku);
    }

    @Override
    protected long stockOf(String skuId) {
        return restorer.stockOf(skuId);
    }
}
