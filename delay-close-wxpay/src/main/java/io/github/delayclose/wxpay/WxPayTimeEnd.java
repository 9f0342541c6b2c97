package io.github.delayclose.wxpay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** WeChat Pay's {@code time_end}: {@code yyyyMMddHHmmss} in China Standard Time, whatever the server's zone. */
final class WxPayTimeEnd {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private WxPayTimeEnd() {
    }

    /**
     * @throws DateTimeParseException when the text is not a valid {@code time_end}
     */
    static Instant parse(String text) {
        return LocalDateTime.parse(text, FORMAT).atZone(CHINA).toInstant();
    }
}
