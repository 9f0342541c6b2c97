package io.github.delayclose.wxpay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WxPayNoncesTest {

    @Test
    void thirtyTwoLettersAndDigitsNeverRepeated() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String nonce = WxPayNonces.next();
            assertThat(nonce).matches("[A-Za-z0-9]{32}");
            assertThat(seen.add(nonce)).as("repeated nonce %s", nonce).isTrue();
        }
    }
}
