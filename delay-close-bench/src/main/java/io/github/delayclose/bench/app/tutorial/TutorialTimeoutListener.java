package io.github.delayclose.bench.app.tutorial;

import java.nio.charset.StandardCharsets;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;

/**
 * The tutorial's {@code OrderTimeoutListener}: closes the order and, on any failure, logs it and
 * moves on (the tutorial's {@code e.printStackTrace()}), so the message is acknowledged either way.
 */
final class TutorialTimeoutListener implements MessageListener {

    private static final Log log = LogFactory.getLog(TutorialTimeoutListener.class);

    private final TutorialOrderService orders;

    TutorialTimeoutListener(TutorialOrderService orders) {
        this.orders = orders;
    }

    @Override
    public void onMessage(Message message) {
        String orderId = new String(message.getBody(), StandardCharsets.UTF_8);
        try {
            orders.closeOrder(orderId);
        }
        catch (RuntimeException ex) {
            log.error("closing order " + orderId + " failed", ex);
        }
    }
}
