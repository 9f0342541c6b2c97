package io.github.delayclose.core.publish;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes a message and learns when the broker has taken responsibility for it: a publisher
 * confirm arrived, and the message was routed to a queue. Anything else is a
 * {@link PublishFailedException}, never a silent loss. The one path by which delay-close sends a
 * message: delay, retry, re-check, re-drive and parking copies alike.
 */
public final class ConfirmedPublisher {

    private final RabbitTemplate template;
    private final Duration confirmTimeout;

    /**
     * @param template a template whose connection factory has correlated publisher confirms and
     *     publisher returns enabled; this publisher makes it send mandatory messages
     * @param confirmTimeout how long to wait for the broker's confirm
     * @throws IllegalStateException when the connection factory cannot confirm publishes
     */
    public ConfirmedPublisher(RabbitTemplate template, Duration confirmTimeout) {
        this.template = Objects.requireNonNull(template, "template");
        this.confirmTimeout = Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        ConnectionFactory connectionFactory = template.getConnectionFactory();
        if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
            throw new IllegalStateException("delay-close needs publisher confirms and returns so that no order's "
                    + "timeout is lost: set spring.rabbitmq.publisher-confirm-type=correlated and "
                    + "spring.rabbitmq.publisher-returns=true (the starter defaults both unless you set them otherwise)");
        }
        template.setMandatory(true);
    }

    /**
     * Publishes without waiting: the future completes when the broker confirmed the message, and
     * fails with {@link PublishFailedException} when it nacked it, returned it as unroutable, did not
     * confirm it within the timeout, or could not be reached.
     */
    public CompletableFuture<Void> publishAsync(String exchange, String routingKey, Message message) {
        if (message.getMessageProperties().getDeliveryMode() == null) {
            // A confirm for a transient message only means it reached memory.
            message.getMessageProperties().setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        }
        CorrelationData correlation = new CorrelationData();
        try {
            template.send(exchange, routingKey, message, correlation);
        }
        catch (AmqpException ex) {
            return CompletableFuture.failedFuture(new PublishFailedException("publishing to exchange '" + exchange
                    + "', routing key '" + routingKey + "' failed: " + ex.getMessage(), ex));
        }
        return correlation.getFuture()
                .orTimeout(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((confirm, failure) -> {
                    if (failure != null) {
                        throw failure instanceof TimeoutException
                                ? new PublishFailedException("no publisher confirm within " + confirmTimeout
                                        + " for exchange '" + exchange + "', routing key '" + routingKey + "'", failure)
                                : new PublishFailedException("publishing failed: " + failure.getMessage(), failure);
                    }
                    ReturnedMessage returned = correlation.getReturned();
                    if (returned != null) {
                        throw new PublishFailedException("broker returned the message as unroutable (exchange '"
                                + exchange + "', routing key '" + routingKey + "'): " + returned.getReplyCode() + " "
                                + returned.getReplyText());
                    }
                    if (!confirm.ack()) {
                        throw new PublishFailedException("broker refused the message (exchange '" + exchange
                                + "', routing key '" + routingKey + "'): " + confirm.reason());
                    }
                    return null;
                });
    }

    /**
     * Publishes and waits for the broker's confirm.
     *
     * @throws PublishFailedException when the broker nacked the message, returned it as unroutable,
     *     or did not confirm it within the timeout
     */
    public void publish(String exchange, String routingKey, Message message) {
        try {
            publishAsync(exchange, routingKey, message).get();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while waiting for a publisher confirm", ex);
        }
        catch (ExecutionException | CompletionException ex) {
            throw PublishFailedException.from(ex.getCause());
        }
    }
}
