package io.github.delayclose.autoconfigure;

import io.github.delayclose.core.spi.OrderRepository;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.env.Environment;

/**
 * The sweep needs {@link OrderRepository#findOverdueUnpaid}. Without it, an order whose delay message
 * was lost stays unpaid for ever, so that must not go unnoticed: a warning at start-up, and a start-up
 * failure when the sweep was asked for explicitly.
 */
final class SweepAvailability {

    private static final Log log = LogFactory.getLog(SweepAvailability.class);

    private SweepAvailability() {
    }

    static void check(OrderRepository orders, Environment environment) {
        if (orders.searchesOverdueOrders()) {
            return;
        }
        String problem = orders.getClass().getName() + " does not implement OrderRepository.findOverdueUnpaid (and "
                + "searchesOverdueOrders), so the safety-net sweep cannot find orders whose timeout message was lost: "
                + "such an order would stay unpaid for ever.";
        if (environment.containsProperty("delay-close.sweep.enabled")) {
            throw new IllegalStateException(problem + " Implement both methods, or set delay-close.sweep.enabled=false "
                    + "to run without the safety net.");
        }
        log.warn(problem + " Implement findOverdueUnpaid and searchesOverdueOrders, or set "
                + "delay-close.sweep.enabled=false to say you run without it.");
    }
}
