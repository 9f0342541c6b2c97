package io.github.delayclose.sample.shop;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * New order ids, readable and time-ordered: {@code yyMMddHHmmssSSS} plus a two-digit sequence, for
 * example {@code 25112612051204701}. 17 digits fit WeChat Pay's {@code out_trade_no} (at most 32
 * characters). Unique within one running shop; the primary key catches anything else.
 */
@Component
class OrderIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmssSSS")
            .withZone(ZoneId.systemDefault());

    // Milliseconds times 100 plus a sequence; never goes back, even when the clock does.
    private final AtomicLong last = new AtomicLong();

    String next() {
        long next = last.updateAndGet(previous -> Math.max(System.currentTimeMillis() * 100, previous + 1));
        return FORMAT.format(Instant.ofEpochMilli(next / 100)) + String.format("%02d", next % 100);
    }
}
