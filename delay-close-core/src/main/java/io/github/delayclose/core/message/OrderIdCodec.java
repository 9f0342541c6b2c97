package io.github.delayclose.core.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.github.delayclose.core.spi.OrderIdRules;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * The wire format of a timeout message: the order id as UTF-8 text, as in the tutorial, so that
 * operators can read and re-publish messages by hand from the management UI.
 */
public final class OrderIdCodec {

    private OrderIdCodec() {
    }

    /**
     * Whether {@code orderId} can be carried in a timeout message: {@link OrderIdRules#ANY}. Strict on
     * purpose: a JSON-quoted or padded id is a producer bug that should be parked and seen, not
     * silently "fixed".
     */
    public static boolean isValid(String orderId) {
        return OrderIdRules.ANY.accepts(orderId);
    }

    /**
     * Checks an order id before it is scheduled, so a bad id fails in the caller's code and not
     * hours later in the listener.
     *
     * @throws IllegalArgumentException naming the rule the id breaks
     */
    public static String requireValid(String orderId) {
        if (!isValid(orderId)) {
            throw new IllegalArgumentException("order id must be " + OrderIdRules.ANY.description() + ", but was "
                    + (orderId == null ? "null" : "'" + orderId + "'"));
        }
        return orderId;
    }

    /** A persistent text message carrying the order id. */
    public static Message toMessage(String orderId) {
        return MessageBuilder.withBody(requireValid(orderId).getBytes(StandardCharsets.UTF_8))
                .setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN)
                .setContentEncoding(StandardCharsets.UTF_8.name())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(orderId)
                .build();
    }

    /** The order id in a message body, or empty when the body is not a valid order id. */
    public static Optional<String> fromMessage(Message message) {
        byte[] body = message.getBody();
        if (body == null || body.length == 0 || body.length > 64) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
            return isValid(text) ? Optional.of(text) : Optional.empty();
        }
        catch (CharacterCodingException ex) {
            return Optional.empty();
        }
    }
}
