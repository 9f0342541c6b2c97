package io.github.delayclose.autoconfigure;

import io.github.delayclose.core.close.OrderCloser;
import io.github.delayclose.core.spi.OrderRepository;
import io.github.delayclose.core.spi.PaymentGateway;
import io.github.delayclose.core.spi.StockRestorer;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of delay-close, one group of beans per concern: the broker connection, the
 * delay topology, publishing (the scheduler host applications call), closing, the timeout listener,
 * the safety-net sweep, metrics, monitoring and parked orders. Every bean backs off when the
 * application defines its own.
 *
 * <p>The application provides {@link OrderRepository}, {@link PaymentGateway} and
 * {@link StockRestorer} beans, or adds {@code delay-close-jdbc} and {@code delay-close-wxpay}, whose
 * auto-configurations provide them.
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class)
@ConditionalOnClass({ RabbitTemplate.class, OrderCloser.class })
@ConditionalOnBooleanProperty(name = "delay-close.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DelayCloseProperties.class)
@Import({ ConnectionConfiguration.class, TopologyConfiguration.class, MetricsConfiguration.class,
        PublishingConfiguration.class, ClosingConfiguration.class, ListenerConfiguration.class,
        SweepConfiguration.class, MonitoringConfiguration.class, ParkingConfiguration.class })
public class DelayCloseAutoConfiguration {

    /** The name of delay-close's own connection factory bean. */
    public static final String CONNECTION_FACTORY = "delayCloseConnectionFactory";
}
