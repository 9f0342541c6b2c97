package io.github.delayclose.wxpay;

import io.github.delayclose.providerhttp.ProviderHttpSettings;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WxPaySettingsTest {

    @Test
    void defaults() {
        WxPaySettings settings = WxPaySettings.of("wxapp", "1900", "key");
        assertThat(settings.signType()).isEqualTo(WxPaySignType.MD5);
        assertThat(settings.baseUrl()).isEqualTo("https://api.mch.weixin.qq.com");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(settings.maxAnswerBytes()).isEqualTo(64 * 1024);
        assertThat(settings.httpSettings()).isEqualTo(new ProviderHttpSettings(Duration.ofSeconds(6), Duration.ofSeconds(8),
                64 * 1024));
    }

    @Test
    void builderOverridesAndTrailingSlashesAreDropped() {
        WxPaySettings settings = WxPaySettings.builder("wxapp", "1900", "key").signType(WxPaySignType.HMAC_SHA256)
                .baseUrl("http://127.0.0.1:8090/").connectTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(2))
                .maxAnswerBytes(4096).build();
        assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:8090");
        assertThat(settings.signType()).isEqualTo(WxPaySignType.HMAC_SHA256);
        assertThat(settings.httpSettings()).isEqualTo(new ProviderHttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 4096));
        assertThat(settings.withBaseUrl("https://example.test/wx").baseUrl()).isEqualTo("https://example.test/wx");
    }

    @Test
    void toStringMasksTheKey() {
        assertThat(WxPaySettings.of("wxapp", "1900", "sup3rs3cretKey").toString())
                .doesNotContain("sup3rs3cretKey").contains("apiKey=******").contains("wxapp").contains("1900")
                .contains("callTimeout=PT8S").contains("maxAnswerBytes=65536");
    }

    @Test
    void badValuesAreNamedAndKeysAreNeverEchoed() {
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.of(" ", "1900", "k")).withMessageContaining("appId");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.of("wx", null, "k")).withMessageContaining("mchId");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.of("wx", "1900", "")).withMessageContaining("apiKey");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.of("wx", "1900", "s3cret "))
                .withMessageContaining("whitespace").withMessageNotContaining("s3cret");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.builder("wx", "1", "k").baseUrl("ftp://x").build())
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.builder("wx", "1", "k").baseUrl("api.mch.weixin.qq.com").build())
                .withMessageContaining("baseUrl");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.builder("wx", "1", "k").baseUrl("https://x/?a=b").build())
                .withMessageContaining("query");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.builder("wx", "1", "k").callTimeout(Duration.ZERO).build())
                .withMessageContaining("WeChat Pay callTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.builder("wx", "1", "k").connectTimeout(Duration.ofSeconds(-1)).build())
                .withMessageContaining("connectTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.builder("wx", "1", "k").callTimeout(Duration.ofDays(30)).build())
                .withMessageContaining("callTimeout");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.builder("wx", "1", "k").maxAnswerBytes(1023).build())
                .withMessageContaining("maxAnswerBytes");
        assertThatIllegalArgumentException().isThrownBy(() -> WxPaySettings.builder("wx", "1", "k").maxAnswerBytes(2 * 1024 * 1024).build())
                .withMessageContaining("maxAnswerBytes");
    }
}
