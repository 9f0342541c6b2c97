package io.github.delayclose.core.listen;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import com.rabbitmq.client.Channel;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ChannelProxy;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes the timeout queue without tying a consumer thread to each close: every message is handed
 * to the {@link CloseWindow} and acknowledged on its channel when its close has finished, so a few
 * consumers keep a whole window of closes busy. Needs a container in {@code MANUAL} acknowledge mode.
 *
 * <ul>
 *   <li>A close that ended durably (closed, paid, or sent on to a retry, re-check or parking queue)
 *       is acked.</li>
 *   <li>A close whose outcome could not even be made durable is rejected without requeue: the
 *       timeout queue dead-letters it to the parking queue.</li>
 *   <li>On shutdown the listener stops taking new closes (it hands deliveries back to the broker),
 *       lets the closes in flight finish and ack, and only then lets the container close its
 *       channels. A close still running when the grace period ends is not acked: the broker delivers
 *       its message again, and closing is idempotent. Nothing is acked and lost.</li>
 * </ul>
 */
public final class TimeoutListener implements ChannelAwareMessageListener, SmartLifecycle {

    /**
     * Stops before the listener container (whose phase is {@code Integer.MAX_VALUE - 100} in
     * delay-close's configuration), so acks still find their channels open.
     */
    public static final int PHASE = Integer.MAX_VALUE;

    private static final Log log = LogFactory.getLog(TimeoutListener.class);

    private final TimeoutHandler handler;
    private final CloseWindow window;
    private final Duration shutdownGrace;
    private volatile boolean draining;

    /**
     * @param shutdownGrace how long a shutdown waits for the closes in flight
     */
    public TimeoutListener(TimeoutHandler handler, CloseWindow window, Duration shutdownGrace) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.window = Objects.requireNonNull(window, "window");
        this.shutdownGrace = Objects.requireNonNull(shutdownGrace, "shutdownGrace");
    }

    @Override
    public void onMessage(Message message, Channel deliveredOn) {
        long deliveryTag = message.getMessageProperties().getDeliveryTag();
        Channel channel = delivering(deliveredOn);
        if (draining) {
            settle(channel, deliveryTag, Settlement.GIVE_BACK);
            return;
        }
        try {
            window.submit(() -> handler.handle(message)).whenComplete((done, failure) -> {
                if (failure != null) {
                    log.error("Could not make the outcome of " + describe(message) + " durable; rejecting it, "
                            + "so the timeout queue dead-letters it to parking", failure);
                }
                settle(channel, deliveryTag, failure == null ? Settlement.ACK : Settlement.REJECT);
            });
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            settle(channel, deliveryTag, Settlement.GIVE_BACK);
        }
    }

    /**
     * The channel the message really came on. The container hands over a caching proxy, which opens a
     * new channel when its own has closed (a broker connection cut while closes ran); a delivery tag
     * means nothing on that new channel, and acking it there fails the channel with
     * PRECONDITION_FAILED "unknown delivery tag", stopping the consumer that uses it now. On the
     * original channel the ack simply fails once it is closed, and the broker redelivers.
     */
    private static Channel delivering(Channel channel) {
        return channel instanceof ChannelProxy proxy ? proxy.getTargetChannel() : channel;
    }

    private void settle(Channel channel, long deliveryTag, Settlement settlement) {
        if (!channel.isOpen()) {
            log.debug("Delivery " + deliveryTag + " came on a channel that has closed; the broker will redeliver it");
            return;
        }
        try {
            switch (settlement) {
                case ACK -> channel.basicAck(deliveryTag, false);
                case REJECT -> channel.basicReject(deliveryTag, false);
                case GIVE_BACK -> channel.basicReject(deliveryTag, true);
            }
        }
        catch (IOException | RuntimeException ex) {
            // The channel closed meanwhile (broker restart, shutdown): the broker delivers the
            // message again, and closing it a second time changes nothing.
            log.debug("Could not " + settlement + " delivery " + deliveryTag + "; the broker will redeliver it", ex);
        }
    }

    private static String describe(Message message) {
        String id = message.getMessageProperties().getMessageId();
        return id == null ? "a timeout message" : "the timeout of order " + id;
    }

    /** The closes running now. */
    public int inFlight() {
        return window.inFlight();
    }

    @Override
    public void start() {
        draining = false;
    }

    @Override
    public void stop() {
        draining = true;
        try {
            if (!window.awaitEmpty(shutdownGrace)) {
                log.warn(window.inFlight() + " close(s) still running after " + shutdownGrace
                        + "; their messages are redelivered, and closing them again is safe");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return !draining;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private enum Settlement {
        ACK, REJECT, GIVE_BACK
    }
}
