package io.github.delayclose.wxpay.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.delayclose.core.spi.TradeState;
import io.github.delayclose.simulator.support.TestKeyPair;
import io.github.delayclose.wxpay.v3.simulator.V3Merchant;
import io.github.delayclose.wxpay.v3.simulator.V3Notification;
import io.github.delayclose.wxpay.v3.simulator.V3Order;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3Simulator;
import org.junit.jupiter.api.Test;

/** Notifications are believed only when WeChat Pay signed them, recently, for our merchant, and they decrypt. */
class WxPayV3NotificationParserTest {

    private final WxPayV3Simulator wechat = new WxPayV3Simulator(WxPayV3TestMerchants.merchant(),
            WxPayV3TestMerchants.WECHAT_PAY_KEYS, WxPayV3TestMerchants.PUBLIC_KEY_ID);

    private final WxPayV3NotificationParser parser = new WxPayV3NotificationParser(
            WxPayV3TestMerchants.settings("http://127.0.0.1:1"));

    @Test
    void aPaidNotificationIsDecryptedIntoThePaymentAndItsAmount() {
        wechat.createOrder("order0001", 8888);
        V3Order paid = wechat.pay("order0001");
        V3Notification sent = wechat.notificationFor("order0001");

        WxPayV3Notification notification = parser.parse(lowerCased(sent.headers()), sent.body());

        assertThat(notification.orderId()).isEqualTo("order0001");
        assertThat(notification.state()).isEqualTo(TradeState.SUCCESS);
        assertThat(notification.total()).isEqualTo(8888);
        assertThat(notification.payment()).hasValueSatisfying(payment -> {
            assertThat(payment.transactionId()).isEqualTo(paid.transactionId());
            assertThat(payment.paidAt()).isEqualTo(paid.successTime());
        });
    }

    @Test
    void aTamperedBodyIsRefused() {
        V3Notification sent = paidNotification();

        assertThatExceptionOfType(WxPayV3NotificationException.class)
                .isThrownBy(() -> parser.parse(sent.headers(), sent.body().replace("TRANSACTION.SUCCESS", "TRANSACTION.X")));
    }

    @Test
    void aNotificationSignedByAnyoneButWeChatPayIsRefused() {
        WxPayV3Simulator impostor = new WxPayV3Simulator(WxPayV3TestMerchants.merchant(), TestKeyPair.generate(),
                WxPayV3TestMerchants.PUBLIC_KEY_ID);
        impostor.pay("order0001");
        V3Notification sent = impostor.notificationFor("order0001");

        assertThatExceptionOfType(WxPayV3NotificationException.class).isThrownBy(() -> parser.parse(sent.headers(),
                sent.body()));
    }

    @Test
    void aNotificationEncryptedWithAnotherKeyIsRefused() {
        V3Merchant otherKey = new V3Merchant(WxPayV3TestMerchants.MCH_ID, WxPayV3TestMerchants.APP_ID,
                WxPayV3TestMerchants.SERIAL, WxPayV3TestMerchants.MERCHANT_KEYS.publicKey(), "b".repeat(32));
        WxPayV3Simulator other = new WxPayV3Simulator(otherKey, WxPayV3TestMerchants.WECHAT_PAY_KEYS,
                WxPayV3TestMerchants.PUBLIC_KEY_ID);
        other.pay("order0001");
        V3Notification sent = other.notificationFor("order0001");

        assertThatExceptionOfType(WxPayV3NotificationException.class)
                .isThrownBy(() -> parser.parse(sent.headers(), sent.body())).withMessageContaining("decrypt");
    }

    @Test
    void aNotificationForAnotherMerchantIsRefusedEvenWhenWeChatSignedIt() {
        V3Merchant otherMerchant = new V3Merchant("1900000002", WxPayV3TestMerchants.APP_ID, WxPayV3TestMerchants.SERIAL,
                WxPayV3TestMerchants.MERCHANT_KEYS.publicKey(), WxPayV3TestMerchants.API_V3_KEY);
        WxPayV3Simulator other = new WxPayV3Simulator(otherMerchant, WxPayV3TestMerchants.WECHAT_PAY_KEYS,
                WxPayV3TestMerchants.PUBLIC_KEY_ID);
        other.pay("order0001");
        V3Notification sent = other.notificationFor("order0001");

        assertThatExceptionOfType(WxPayV3NotificationException.class)
                .isThrownBy(() -> parser.parse(sent.headers(), sent.body())).withMessageContaining("mchid 1900000002");
    }

    @Test
    void anOldNotificationIsRefusedAsAReplay() {
        WxPayV3NotificationParser later = new WxPayV3NotificationParser(WxPayV3TestMerchants.settings("http://127.0.0.1:1"),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)));
        V3Notification sent = paidNotification();

        assertThatExceptionOfType(WxPayV3NotificationException.class)
                .isThrownBy(() -> later.parse(sent.headers(), sent.body())).withMessageContaining("replay");
    }

    @Test
    void aNotificationWithoutItsSignatureHeadersIsRefused() {
        V3Notification sent = paidNotification();
        Map<String, String> headers = new HashMap<>(sent.headers());
        headers.remove("Wechatpay-Signature");

        assertThatExceptionOfType(WxPayV3NotificationException.class).isThrownBy(() -> parser.parse(headers, sent.body()))
                .withMessageContaining("Wechatpay-Signature");
    }

    private V3Notification paidNotification() {
        wechat.pay("order0001");
        return wechat.notificationFor("order0001");
    }

    private static Map<String, String> lowerCased(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        headers.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }
}
