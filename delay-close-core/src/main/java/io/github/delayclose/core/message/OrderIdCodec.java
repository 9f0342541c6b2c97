package io.github.delayclose.core.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * The wire format of a timeout message: the order id as UTF-8 text, as in the tutorial, so that
 * operators can read and re-publish messages by hand from the management UI.
 */
public final class OrderIdCodec {

    /**
     * Letters, digits and the punctuation WeChat Pay allows in {@code out_trade_no}, plus '.' and
     * ':'; 1 to 64 characters. Strict on purpose: a JSON-quoted or padded id is a producer bug
     * that should be parked and seen, not silently "fixed".
     */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-|*@.:]{0,63}");

    private OrderIdCodec() {
    }

    /** Whether {@code orderId} can be carried in a timeout message. */
    public static boolean isValid(String orderId) {
        return orderId != null && ORDER_ID.matcher(orderId).matches();
    }

    /**
     * Checks an order id before it is scheduled, so a bad id fails in the caller's code and not
     * hours later in the listener.
     *
     * @throws IllegalArgumentException naming the rule the id breaks
     */
    public static String requireValid(String orderId) {
        if (!isValid(orderId)) {
            throw new IllegalArgumentException("order id must be 1 to 64 characters of letters, digits and _-|*@.: "
                    + "starting with a letter or digit, but was " + (orderId == null ? "null" : "'" + orderId + "'"));
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
