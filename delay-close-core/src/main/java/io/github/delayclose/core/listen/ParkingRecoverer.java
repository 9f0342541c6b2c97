package io.github.delayclose.core.listen;

import java.util.Map;

import io.github.delayclose.core.close.FailureReason;
import io.github.delayclose.core.message.DelayCloseHeaders;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.ConfirmType;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.retry.RepublishMessageRecovererWithConfirms;

/**
 * Parks a message on the parking queue, waiting for the broker's confirm, with Spring AMQP's
 * exception headers ({@code x-exception-message}, {@code x-exception-stacktrace},
 * {@code x-original-routing-key}) plus the reason and attempt count.
 */
public final class ParkingRecoverer extends RepublishMessageRecovererWithConfirms {

    /**
     * @param template a template on a connection factory with correlated confirms and returns; it is
     *     made mandatory, so that a missing parking queue fails the park instead of dropping the message
     * @param parkingQueue the parking queue's name
     */
    public ParkingRecoverer(RabbitTemplate template, String parkingQueue) {
        super(withMandatory(template), "", parkingQueue, ConfirmType.CORRELATED);
    }

    private static RabbitTemplate withMandatory(RabbitTemplate template) {
        template.setMandatory(true);
        return template;
    }

    /** Parks the message; throws when the broker does not confirm, so the delivery is not acked. */
    public void park(Message message, FailureReason reason, int attempts, Throwable cause) {
        recover(message, new ParkedException(reason, attempts, cause));
    }

    @Override
    protected Map<? extends String, ?> additionalHeaders(Message message, Throwable cause) {
        ParkedException parked = (ParkedException) cause;
        return Map.of(DelayCloseHeaders.PARKED_REASON, parked.reason.name(),
                DelayCloseHeaders.PARKED_ATTEMPTS, parked.attempts);
    }

    private static final class ParkedException extends RuntimeException {

        private final FailureReason reason;

        private final int attempts;

        ParkedException(FailureReason reason, int attempts, Throwable cause) {
            super(reason + " after " + attempts + " attempt(s): " + (cause == null ? reason : cause.getMessage()), cause);
            this.reason = reason;
            this.attempts = attempts;
        }
    }
}
