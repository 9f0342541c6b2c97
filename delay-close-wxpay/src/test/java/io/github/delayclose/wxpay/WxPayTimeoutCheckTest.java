package io.github.delayclose.wxpay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WxPayTimeoutCheckTest {

    @Test
    void windowsOfFiveMinutesOrMoreAreFine() {
        assertThat(WxPayTimeoutCheck.warningFor(Duration.ofMinutes(5))).isEmpty();
        assertThat(WxPayTimeoutCheck.warningFor(Duration.ofMinutes(30))).isEmpty();
        assertThat(WxPayTimeoutCheck.warnIfTooShort(Duration.ofMinutes(15))).isFalse();
    }

    @Test
    void shorterWindowsGetAWarningThatSaysWhy() {
        assertThat(WxPayTimeoutCheck.warningFor(Duration.ofMinutes(5).minusSeconds(1))).isPresent();
        assertThat(WxPayTimeoutCheck.warningFor(Duration.ofMinutes(1)))
                .hasValueSatisfying(text -> assertThat(text).contains("PT1M").contains("5 minutes").contains("WeChat Pay"));
        assertThat(WxPayTimeoutCheck.warnIfTooShort(Duration.ofSeconds(30))).isTrue();
    }
}
