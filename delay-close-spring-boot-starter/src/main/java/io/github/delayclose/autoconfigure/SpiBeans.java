package io.github.delayclose.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.delayclose.core.gateway.RoutingPaymentGateway;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
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
        return paymentGateway(beans, UnaryOperator.identity());
    }

    /**
     * The application's payment gateway: its one {@link PaymentGateway} bean (or its primary one), or,
     * when there are several and each serves a channel ({@link ChannelPaymentGateway}), a
     * {@link RoutingPaymentGateway} over them.
     *
     * @param perProvider wraps each provider's gateway (ceilings, metrics), so that each provider
     *     gets its own ceiling
     */
    static PaymentGateway paymentGateway(ObjectProvider<PaymentGateway> beans, UnaryOperator<PaymentGateway> perProvider) {
        PaymentGateway unique = beans.getIfUnique();
        if (unique != null) {
            return perProvider.apply(unique);
        }
        List<PaymentGateway> all = beans.orderedStream().toList();
        if (all.size() > 1) {
            Map<String, PaymentGateway> byChannel = new LinkedHashMap<>();
            for (PaymentGateway gateway : all) {
                if (!(gateway instanceof ChannelPaymentGateway channelGateway)) {
                    throw new IllegalStateException("There are " + all.size() + " PaymentGateway beans " + all
                            + ", and " + gateway + " serves no channel. Either mark the one to use @Primary, or make "
                            + "each implement " + ChannelPaymentGateway.class.getName()
                            + " so that orders are routed by their payment channel.");
                }
                if (byChannel.putIfAbsent(channelGateway.channel(), perProvider.apply(gateway)) != null) {
                    throw new IllegalStateException("Two PaymentGateway beans serve channel '" + channelGateway.channel()
                            + "': configure one gateway per channel (for WeChat Pay, v2 or v3, not both). Gateways: "
                            + all);
                }
            }
            return new RoutingPaymentGateway(byChannel);
        }
        return beans.getIfAvailable(() -> {
            throw new MissingSpiImplementationException(PaymentGateway.class,
                    "it asks your payment provider whether an order was paid, and closes it there",
                    "Define a @Bean that implements " + PaymentGateway.class.getName() + ", or use a provided one: "
                            + "add io.github.delayclose:delay-close-wxpay and set delay-close.wxpay.app-id, mch-id and "
                            + "api-key (WeChat Pay v2), or add delay-close-wxpay-v3 (delay-close.wxpay-v3.*) or "
                            + "delay-close-alipay (delay-close.alipay.*)." + OR_DISABLE);
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
