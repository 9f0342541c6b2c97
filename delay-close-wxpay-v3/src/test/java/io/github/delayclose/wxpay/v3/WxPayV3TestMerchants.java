package io.github.delayclose.wxpay.v3;

import io.github.delayclose.simulator.support.TestKeyPair;
import io.github.delayclose.wxpay.v3.simulator.V3Merchant;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3Simulator;
import io.github.delayclose.wxpay.v3.simulator.WxPayV3SimulatorServer;

/** Key pairs made for the tests (once per JVM: RSA key generation is slow) and a simulator for them. */
final class WxPayV3TestMerchants {

    static final String MCH_ID = "1900009191";

    static final String APP_ID = "wxd678efh567hg6787";

    static final String SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";

    static final String API_V3_KEY = "a7cde1ZJB1kG2e7VfTs3jQzaWizur8Gb";

    static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000091912025010100000000000001";

    static final TestKeyPair MERCHANT_KEYS = TestKeyPair.generate();

    static final TestKeyPair WECHAT_PAY_KEYS = TestKeyPair.generate();

    private WxPayV3TestMerchants() {
    }

    static V3Merchant merchant() {
        return new V3Merchant(MCH_ID, APP_ID, SERIAL, MERCHANT_KEYS.publicKey(), API_V3_KEY);
    }

    static WxPayV3SimulatorServer startSimulator() {
        return WxPayV3SimulatorServer.start(new WxPayV3Simulator(merchant(), WECHAT_PAY_KEYS, PUBLIC_KEY_ID), 0);
    }

    static WxPayV3Settings settings(String baseUrl) {
        return WxPayV3Settings.of(APP_ID, MCH_ID, SERIAL, MERCHANT_KEYS.privateKeyPem(), API_V3_KEY, PUBLIC_KEY_ID,
                WECHAT_PAY_KEYS.publicKeyPem()).withBaseUrl(baseUrl);
    }

    static String unreachableBaseUrl() {
        return "http://127.0.0.1:9";
    }
}
