package io.github.delayclose.alipay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashMap;
import java.util.Map;

import io.github.delayclose.alipay.simulator.AlipayOrder;
import io.github.delayclose.alipay.simulator.AlipaySimulator;
import io.github.delayclose.simulator.support.LoopbackServer;
import io.github.delayclose.simulator.support.TestKeyPair;
import org.junit.jupiter.api.Test;

/** Notifications are believed only when Alipay signed them for our app. */
class AlipayNotificationParserTest {

    private final AlipaySimulator alipay = new AlipaySimulator(AlipayTestApps.APP_ID, AlipayTestApps.APP_KEYS.publicKey(),
            AlipayTestApps.ALIPAY_KEYS);

    private final AlipayNotificationParser parser = new AlipayNotificationParser(
            AlipayTestApps.settings("http://127.0.0.1:1/gateway.do"));

    @Test
    void aPaidNotificationCarriesThePaymentAndItsAmount() {
        alipay.createOrder("o1", 8888);
        AlipayOrder paid = alipay.pay("o1");

        AlipayNotification notification = parser.parse(alipay.notificationFor("o1"));

        assertThat(notification.orderId()).isEqualTo("o1");
        assertThat(notification.paid()).isTrue();
        assertThat(notification.totalFen()).isEqualTo(8888);
        assertThat(notification.payment()).hasValueSatisfying(payment -> {
            assertThat(payment.transactionId()).isEqualTo(paid.tradeNo());
            assertThat(payment.amount()).isEqualTo(8888L);
            assertThat(payment.paidAt()).isEqualTo(paid.paidAt());
        });
    }

    @Test
    void aTamperedAmountIsRefused() {
        Map<String, String> fields = paidNotification();
        fields.put("total_amount", "0.01");

        assertThatExceptionOfType(AlipayNotificationException.class).isThrownBy(() -> parser.parse(fields))
                .withMessageContaining("does not verify");
    }

    @Test
    void aNotificationSignedByAnyoneButAlipayIsRefused() {
        Map<String, String> fields = paidNotification();
        fields.put("sign", TestKeyPair.generate().sign(AlipaySimulator.notificationContent(fields)));

        assertThatExceptionOfType(AlipayNotificationException.class).isThrownBy(() -> parser.parse(fields));
    }

    @Test
    void anUnsignedNotificationOrOneOfAnotherSignTypeIsRefused() {
        Map<String, String> unsigned = paidNotification();
        unsigned.remove("sign");
        Map<String, String> rsa1 = paidNotification();
        rsa1.put("sign_type", "RSA");

        assertThatExceptionOfType(AlipayNotificationException.class).isThrownBy(() -> parser.parse(unsigned))
                .withMessageContaining("not signed");
        assertThatExceptionOfType(AlipayNotificationException.class).isThrownBy(() -> parser.parse(rsa1))
                .withMessageContaining("RSA2");
    }

    @Test
    void aNotificationForAnotherAppIsRefusedEvenWhenAlipaySignedIt() {
        AlipaySimulator otherApp = new AlipaySimulator("2021000117600002", AlipayTestApps.APP_KEYS.publicKey(),
                AlipayTestApps.ALIPAY_KEYS);
        otherApp.createOrder("o1", 100);
        otherApp.pay("o1");

        assertThatExceptionOfType(AlipayNotificationException.class)
                .isThrownBy(() -> parser.parse(otherApp.notificationFor("o1")))
                .withMessageContaining("app_id 2021000117600002");
    }

    private Map<String, String> paidNotification() {
        alipay.createOrder("o1", 100);
        alipay.pay("o1");
        return new HashMap<>(LoopbackServer.formFields(alipay.notificationFor("o1")));
    }
}
