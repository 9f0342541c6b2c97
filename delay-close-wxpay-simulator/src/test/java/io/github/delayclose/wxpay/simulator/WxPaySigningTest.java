package io.github.delayclose.wxpay.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WxPaySigningTest {

    // WeChat Pay v2's documented signing example (安全规范 / 签名算法).
    private static final String DOC_KEY = "192006250b4c09247ec02edce69f6a2d";

    private static Map<String, String> docExample() {
        Map<String, String> fields = new HashMap<>();
        fields.put("appid", "wxd930ea5d5a258f4f");
        fields.put("mch_id", "10000100");
        fields.put("device_info", "1000");
        fields.put("body", "test");
        fields.put("nonce_str", "ibuaiVcKdpRxkhJA");
        return fields;
    }

    @Test
    void documentedExampleStringToSign() {
        assertThat(WxPaySigning.stringToSign(docExample(), DOC_KEY)).isEqualTo(
                "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA"
                        + "&key=192006250b4c09247ec02edce69f6a2d");
    }

    @Test
    void documentedExampleMd5() {
        assertThat(WxPaySigning.sign(docExample(), DOC_KEY, SignType.MD5)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void documentedExampleHmacSha256() {
        assertThat(WxPaySigning.sign(docExample(), DOC_KEY, SignType.HMAC_SHA256))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void emptyValuesAndTheSignItselfAreNotSigned() {
        Map<String, String> fields = docExample();
        fields.put("attach", "");
        fields.put("sign", "WHATEVER");
        assertThat(WxPaySigning.sign(fields, DOC_KEY, SignType.MD5)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void verifiesOnlyMatchingSignatures() {
        Map<String, String> fields = docExample();
        fields.put("sign", "9A0A8659F005D6984697E2CA0A9CF3B7");
        assertThat(WxPaySigning.isValid(fields, DOC_KEY, SignType.MD5)).isTrue();
        assertThat(WxPaySigning.isValid(fields, DOC_KEY, SignType.HMAC_SHA256)).isFalse();
        assertThat(WxPaySigning.isValid(fields, "another-key", SignType.MD5)).isFalse();
        fields.put("body", "tampered");
        assertThat(WxPaySigning.isValid(fields, DOC_KEY, SignType.MD5)).isFalse();
        fields.remove("sign");
        assertThat(WxPaySigning.isValid(fields, DOC_KEY, SignType.MD5)).isFalse();
    }

    @Test
    void signTypeWireNames() {
        assertThat(SignType.fromWire(null)).isEqualTo(SignType.MD5);
        assertThat(SignType.fromWire("")).isEqualTo(SignType.MD5);
        assertThat(SignType.fromWire("HMAC-SHA256")).isEqualTo(SignType.HMAC_SHA256);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> SignType.fromWire("SHA1"));
    }
}
