package io.github.delayclose.core.listen;

import java.util.Map;
import java.util.Objects;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.message.DelayCloseHeaders;
import io.github.delayclose.core.publish.BudgetedPublisher;
import io.github.delayclose.core.publish.Outgoing;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecoverer;

/**
 * Parks a message on the parking queue with Spring AMQP's exception headers
 * ({@code x-exception-message}, {@code x-exception-stacktrace}, {@code x-original-routing-key}, cut
 * to fit the broker's frame size) plus the reason and attempt count. The copy is sent through the
 * same {@link BudgetedPublisher} as every other copy, so it is parked only when the broker confirmed
 * it, and a failover delays it rather than failing it.
 */
public final class ParkingRecoverer extends RepublishMessageRecoverer {

    private final BudgetedPublisher publisher;
    private final Runnable repair;

    /**
     * @param template the template the publisher sends with; Spring AMQP reads the broker's frame
     *     size from its connection to cut long stack traces
     * @param publisher sends the parked copy and waits for the broker's confirm
     * @param parkingQueue the parking queue's name
     * @param repair runs once when the first attempt fails (declares the topology again)
     */
    public ParkingRecoverer(RabbitTemplate template, BudgetedPublisher publisher, String parkingQueue, Runnable repair) {
        super(template, "", parkingQueue);
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.repair = Objects.requireNonNull(repair, "repair");
    }

    /** Parks the message; throws when the broker does not confirm, so the delivery is not acked. */
    public void park(Message message, FailureReason reason, int attempts, @Nullable Throwable cause) {
        recover(message, new ParkedException(reason, attempts, cause));
    }

    @Override
    protected void doSend(@Nullable String exchange, String routingKey, Message message) {
        publisher.publish(new Outgoing(exchange == null ? "" : exchange, routingKey, message), repair);
    }

    @Override
    protected Map<? extends String, ?> additionalHeaders(Message message, Throwable cause) {
        if (cause instanceof ParkedException parked) {
            return Map.of(DelayCloseHeaders.PARKED_REASON, parked.reason.name(),
                    DelayCloseHeaders.PARKED_ATTEMPTS, parked.attempts);
        }
        return Map.of();
    }

    /** Carries why and after how many attempts a message is parked into the recoverer's headers. */
    private static final class ParkedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final FailureReason reason;

        private final int attempts;

        ParkedException(FailureReason reason, int attempts, @Nullable Throwable cause) {
            super(reason + " after " + attempts + " attempt(s): " + (cause == null ? reason : cause.getMessage()), cause);
            this.reason = reason;
            this.attempts = attempts;
        }
    }
}
