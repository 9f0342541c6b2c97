package io.github.delayclose.core.message;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrderIdCodecTest {

    private static final String LONGEST = "a1234567b1234567c1234567d1234567e1234567f1234567g1234567h1234567";

    @ParameterizedTest
    @ValueSource(strings = {"1", "123", "20250301101530000042", "order-42", "A_b|c*d@e.f:g", LONGEST})
    void validIdsRoundTrip(String orderId) {
        Message message = OrderIdCodec.toMessage(orderId);

        assertThat(OrderIdCodec.fromMessage(message)).contains(orderId);
        assertThat(message.getBody()).isEqualTo(orderId.getBytes(StandardCharsets.UTF_8));
        assertThat(OrderIdCodec.requireValid(orderId)).isEqualTo(orderId);
    }

    @Test
    void messageIsPersistentPlainTextIdentifiedByTheOrder() {
        MessageProperties properties = OrderIdCodec.toMessage("order-42").getMessageProperties();

        assertThat(properties.getDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(properties.getContentType()).isEqualTo(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        assertThat(properties.getContentEncoding()).isEqualTo("UTF-8");
        assertThat(properties.getMessageId()).isEqualTo("order-42");
    }

    static Stream<Arguments> invalidIds() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("65 characters", "a".repeat(65)),
                Arguments.of("leading space", " 123"),
                Arguments.of("trailing space", "123 "),
                Arguments.of("inner space", "12 3"),
                Arguments.of("trailing newline", "123\n"),
                Arguments.of("leading tab", "\t123"),
                Arguments.of("JSON-quoted", "\"123\""),
                Arguments.of("NUL", "12\u00003"),
                Arguments.of("BEL", "123\u0007"),
                Arguments.of("ANSI escape", "\u001b[0m1"),
                Arguments.of("leading punctuation", "-123"),
                Arguments.of("non-ASCII letters", "\u8ba2\u5355123"),
                Arguments.of("semicolon", "123;DROP"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIds")
    void invalidIdsAreRefusedBothWays(String description, String orderId) {
        assertThat(OrderIdCodec.isValid(orderId)).isFalse();
        assertThat(OrderIdCodec.fromMessage(textMessage(orderId.getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderIdCodec.requireValid(orderId))
                .withMessageContaining("1 to 64 letters, digits or _-|*@.:")
                .withMessageContaining("'" + orderId + "'");
        assertThatIllegalArgumentException().isThrownBy(() -> OrderIdCodec.toMessage(orderId));
    }

    @Test
    void nullIdIsRefusedWithAClearMessage() {
        assertThat(OrderIdCodec.isValid(null)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OrderIdCodec.requireValid(null))
                .withMessageContaining("but was null");
    }

    @Test
    void invalidUtf8IsRefused() {
        assertThat(OrderIdCodec.fromMessage(textMessage(new byte[] {'1', (byte) 0xC3, 0x28, '2'}))).isEmpty();
        assertThat(OrderIdCodec.fromMessage(textMessage(new byte[] {(byte) 0xFF}))).isEmpty();
        assertThat(OrderIdCodec.fromMessage(textMessage(new byte[] {'1', (byte) 0xE2, (byte) 0x82}))).isEmpty();
    }

    @Test
    void emptyBodyIsRefused() {
        assertThat(OrderIdCodec.fromMessage(textMessage(new byte[0]))).isEmpty();
    }

    private static Message textMessage(byte[] body) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        return new Message(body, properties);
    }
}
