package io.github.delayclose.wxpay.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.simulator.support.TestCertificate;
import io.github.delayclose.wxpay.v3.simulator.V3Notification;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3Simulator;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A merchant that verifies WeChat Pay's signatures with a platform certificate instead of the public key. */
class WxPayV3PlatformCertificateTest {

    private static final TestCertificate PLATFORM = TestCertificate.generate("Tenpay.com Root CA");

    private static WxPayV3SimulatorServer server;

    private static WxPayV3Settings settings;

    @BeforeAll
    static void startSimulator() {
        server = WxPayV3SimulatorServer.start(new WxPayV3Simulator(WxPayV3TestMerchants.merchant(), PLATFORM.keys(),
                PLATFORM.serialNumber()), 0);
        settings = settings(PLATFORM.pem()).withBaseUrl(server.baseUrl());
    }

    @AfterAll
    static void stopSimulator() {
        server.stop();
    }

    @Test
    void answersSignedWithThePlatformCertificatesKeyAreBelieved() {
        server.simulator().createOrder("order0001", 100);
        server.simulator().pay("order0001");

        assertThat(new WxPayV3PaymentGateway(settings).queryTrade("order0001").state()).isEqualTo(TradeState.SUCCESS);
    }

    @Test
    void answersSignedWithAnotherCertificatesKeyAreNot() {
        WxPayV3PaymentGateway trustsAnother = new WxPayV3PaymentGateway(
                settings(TestCertificate.generate("Someone else").pem()).withBaseUrl(server.baseUrl()));
        server.simulator().createOrder("order0002", 100);

        assertThatExceptionOfType(PaymentGatewayException.class).isThrownBy(() -> trustsAnother.queryTrade("order0002"));
    }

    @Test
    void notificationsAreVerifiedWithThePlatformCertificate() {
        server.simulator().pay("order0003");
        V3Notification sent = server.simulator().notificationFor("order0003");

        assertThat(new WxPayV3NotificationParser(settings).parse(sent.headers(), sent.body()).paid()).isTrue();
    }

    @Test
    void exactlyOneWayToVerifyIsSet() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WxPayV3Settings(WxPayV3TestMerchants.APP_ID,
                WxPayV3TestMerchants.MCH_ID, WxPayV3TestMerchants.SERIAL, WxPayV3TestMerchants.MERCHANT_KEYS.privateKeyPem(),
                WxPayV3TestMerchants.API_V3_KEY, WxPayV3TestMerchants.PUBLIC_KEY_ID,
                WxPayV3TestMerchants.WECHAT_PAY_KEYS.publicKeyPem(), PLATFORM.pem(), null, null, null, null))
                .withMessageContaining("exactly one");
        assertThatIllegalArgumentException().isThrownBy(() -> settings("not a certificate"))
                .withMessageContaining("wechatPayCertificate");
    }

    private static WxPayV3Settings settings(String certificatePem) {
        return WxPayV3Settings.withCertificate(WxPayV3TestMerchants.APP_ID, WxPayV3TestMerchants.MCH_ID,
                WxPayV3TestMerchants.SERIAL, WxPayV3TestMerchants.MERCHANT_KEYS.privateKeyPem(),
                WxPayV3TestMerchants.API_V3_KEY, certificatePem);
    }
}
