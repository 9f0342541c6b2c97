package io.github.delayclose.alipay;

import io.github.delayclose.alipay.simulator.AlipaySimulator;
import io.github.delayclose.alipay.simulator.AlipaySimulatorServer;
import io.github.delayclose.simulator.support.TestKeyPair;

/** Key pairs made for the tests (once per JVM: RSA key generation is slow) and a simulator for them. */
final class AlipayTestApps {

    static final String APP_ID = "2021000117600001";

    /** The app's key pair: its private key signs requests. */
    static final TestKeyPair APP_KEYS = TestKeyPair.generate();

    /** The simulated Alipay's key pair: its public key verifies answers. */
    static final TestKeyPair ALIPAY_KEYS = TestKeyPair.generate();

    private AlipayTestApps() {
    }

    static AlipaySimulatorServer startSimulator() {
        return AlipaySimulatorServer.start(new AlipaySimulator(APP_ID, APP_KEYS.publicKey(), ALIPAY_KEYS), 0);
    }

    static AlipaySettings settings(String gatewayUrl) {
        return AlipaySettings.of(APP_ID, APP_KEYS.privateKeyBase64(), ALIPAY_KEYS.publicKeyBase64())
                .withGatewayUrl(gatewayUrl);
    }

    /** A closed port on the loopback interface. */
    static String unreachableGatewayUrl() {
        return "http://127.0.0.1:9/gateway.do";
    }
}
