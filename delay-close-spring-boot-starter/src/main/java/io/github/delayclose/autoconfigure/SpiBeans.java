package io.github.delayclose.autoconfigure;

import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.StockRestorer;
import org.springframework.beans.factory.ObjectProvider;

/** Looks up the SPI beans, failing with instructions when one is missing. */
final class SpiBeans {

    private static final String OR_DISABLE = " To run the application without delay-close, set delay-close.enabled=false.";

    private SpiBeans() {
    }

    static OrderRepository orderRepository(ObjectProvider<OrderRepository> beans) {
        return beans.getIfAvailable(() -> {
            throw new MissingSpiImplementationException(OrderRepository.class, "it reads and changes your orders' status",
                    "Define a @Bean that implements " + OrderRepository.class.getName() + ", or use the JDBC default for "
                            + "tutorial-shaped MySQL/MariaDB tables: add io.github.delayclose:delay-close-jdbc and "
                            + "spring-boot-starter-jdbc, and set delay-close.jdbc.enabled=true." + OR_DISABLE);
        });
    }

    static PaymentGateway paymentGateway(ObjectProvider<PaymentGateway> beans) {
        return beans.getIfAvailable(() -> {
            throw new MissingSpiImplementationException(PaymentGateway.class,
                    "it asks your payment provider whether an order was paid, and closes it there",
                    "Define a @Bean that implements " + PaymentGateway.class.getName() + ", or use the WeChat Pay v2 "
                            + "default: add io.github.delayclose:delay-close-wxpay and "
                            + "set delay-close.wxpay.app-id, mch-id and api-key." + OR_DISABLE);
        });
    }

    static StockRestorer stockRestorer(ObjectProvider<StockRestorer> beans) {
        return beans.getIfAvailable(() -> {
            throw new MissingSpiImplementationException(StockRestorer.class, "it gives back the stock of closed orders",
                    "Define a @Bean that implements " + StockRestorer.class.getName() + " (return StockRestorer.none() "
                            + "if your shop does not reserve stock at order time), or use the JDBC default: add "
                            + "io.github.delayclose:delay-close-jdbc and set delay-close.jdbc.enabled=true." + OR_DISABLE);
        });
    }
}
