package io.github.delayclose.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** A wrong setting fails at start-up, naming it. */
class AlipaySettingsTest {

    private static final String PRIVATE_KEY = AlipayTestApps.APP_KEYS.privateKeyBase64();

    private static final String ALIPAY_KEY = AlipayTestApps.ALIPAY_KEYS.publicKeyBase64();

    @Test
    void defaultsAreAlipaysProductionGatewayAndHardenedLimits() {
        AlipaySettings settings = AlipaySettings.of("2021", PRIVATE_KEY, ALIPAY_KEY);

        assertThat(settings.gatewayUrl()).isEqualTo("https://openapi.alipay.com/gateway.do");
        assertThat(settings.httpSettings().maxAnswerBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void keysAreAcceptedAsPemToo() {
        AlipaySettings settings = AlipaySettings.of("2021", AlipayTestApps.APP_KEYS.privateKeyPem(),
                AlipayTestApps.ALIPAY_KEYS.publicKeyPem());

        assertThat(settings.privateKey()).isEqualTo(PRIVATE_KEY);
        assertThat(settings.alipayPublicKey()).isEqualTo(ALIPAY_KEY);
    }

    @Test
    void keysThatAreNotKeysOrAreSwappedAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlipaySettings.of("2021", "not-a-key", ALIPAY_KEY))
                .withMessageContaining("privateKey");
        assertThatIllegalArgumentException().isThrownBy(() -> AlipaySettings.of("2021", ALIPAY_KEY, PRIVATE_KEY))
                .withMessageContaining("privateKey");
        assertThatIllegalArgumentException().isThrownBy(() -> AlipaySettings.of("2021", PRIVATE_KEY, PRIVATE_KEY))
                .withMessageContaining("alipayPublicKey");
        assertThatIllegalArgumentException().isThrownBy(() -> AlipaySettings.of(" ", PRIVATE_KEY, ALIPAY_KEY))
                .withMessageContaining("appId");
    }

    @Test
    void theGatewayUrlMustBeAnHttpUrl() {
        assertThatIllegalArgumentException().isThrownBy(() -> AlipaySettings.of("2021", PRIVATE_KEY, ALIPAY_KEY)
                .withGatewayUrl("ftp://openapi.alipay.com/gateway.do")).withMessageContaining("gatewayUrl");
        assertThatIllegalArgumentException().isThrownBy(() -> AlipaySettings.of("2021", PRIVATE_KEY, ALIPAY_KEY)
                .withGatewayUrl("https://openapi.alipay.com/gateway.do?charset=utf-8")).withMessageContaining("gatewayUrl");
    }
}
