package io.github.delayclose.autoconfigure.endpoint;

import java.time.Clock;

import io.github.delayclose.autoconfigure.DelayCloseAutoConfiguration;
import io.github.delayclose.core.listen.TimeoutListener;
import io.github.delayclose.core.parked.ParkedOrders;
import io.github.delayclose.core.sweep.OverdueOrderSweeper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code delayclose} Actuator endpoint, with Actuator's endpoint support on the class path. Boot's
 * exposure rules apply: it is not exposed on the web until {@code management.endpoints.web.exposure.include}
 * names it, and {@code management.endpoint.delayclose.access} limits it (for example to
 * {@code read-only}).
 */
@AutoConfiguration(after = DelayCloseAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean({ ParkedOrders.class, TimeoutListener.class })
public class DelayCloseEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    DelayCloseEndpoint delayCloseEndpoint(ParkedOrders parked, TimeoutListener listener,
            ObjectProvider<OverdueOrderSweeper> sweeper) {
        return new DelayCloseEndpoint(parked, listener, sweeper.getIfAvailable(), Clock.systemUTC());
    }
}
