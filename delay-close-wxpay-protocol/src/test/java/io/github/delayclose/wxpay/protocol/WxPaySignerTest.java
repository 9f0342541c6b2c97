package io.github.delayclose.wxpay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.github.wxpay.sdk.WXPayConstants;
import com.github.wxpay.sdk.WXPayUtil;
import org.junit.jupiter.api.Test;

class WxPaySignerTest {

    // WeChat Pay v2's documented signing example.
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
        assertThat(new WxPaySigner(DOC_KEY, WxPaySignType.MD5).stringToSign(docExample())).isEqualTo(
                "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA"
                        + "&key=192006250b4c09247ec02edce69f6a2d");
    }

    @Test
    void emptyValuesAndTheSignItselfAreNotSigned() {
        Map<String, String> fields = docExample();
        fields.put("attach", "");
        fields.put("sign", "WHATEVER");
        assertThat(new WxPaySigner(DOC_KEY, WxPaySignType.MD5).sign(fields)).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void signTypeWireNames() {
        assertThat(WxPaySignType.fromWire(null)).isEqualTo(WxPaySignType.MD5);
        assertThat(WxPaySignType.fromWire("")).isEqualTo(WxPaySignType.MD5);
        assertThat(WxPaySignType.fromWire("HMAC-SHA256")).isEqualTo(WxPaySignType.HMAC_SHA256);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> WxPaySignType.fromWire("SHA1"));
    }

    @Test
    void documentedMd5Example() {
        assertThat(new WxPaySigner(DOC_KEY, WxPaySignType.MD5).sign(docExample())).isEqualTo("9A0A8659F005D6984697E2CA0A9CF3B7");
    }

    @Test
    void documentedHmacSha256Example() {
        assertThat(new WxPaySigner(DOC_KEY, WxPaySignType.HMAC_SHA256).sign(docExample()))
                .isEqualTo("6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6");
    }

    @Test
    void agreesWithTheSdk() throws Exception {
        Map<String, String> fields = docExample();
        fields.put("out_trade_no", "20150806125346");
        fields.put("attach", "");
        assertThat(new WxPaySigner(DOC_KEY, WxPaySignType.MD5).sign(fields))
                .isEqualTo(WXPayUtil.generateSignature(fields, DOC_KEY, WXPayConstants.SignType.MD5));
        assertThat(new WxPaySigner(DOC_KEY, WxPaySignType.HMAC_SHA256).sign(fields))
                .isEqualTo(WXPayUtil.generateSignature(fields, DOC_KEY, WXPayConstants.SignType.HMACSHA256));
    }

    @Test
    void verifiesOnlyWhatWasSignedWithTheSameKeyAndType() {
        WxPaySigner md5 = new WxPaySigner(DOC_KEY, WxPaySignType.MD5);
        Map<String, String> fields = docExample();
        fields.put("sign", "9a0a8659f005d6984697e2ca0a9cf3b7");
        assertThat(md5.isValid(fields)).as("hex case does not matter").isTrue();
        assertThat(new WxPaySigner(DOC_KEY, WxPaySignType.HMAC_SHA256).isValid(fields)).isFalse();
        assertThat(new WxPaySigner("another", WxPaySignType.MD5).isValid(fields)).isFalse();
        fields.put("body", "tampered");
        assertThat(md5.isValid(fields)).isFalse();
        fields.remove("sign");
        assertThat(md5.isValid(fields)).isFalse();
        assertThat(md5.toString()).doesNotContain(DOC_KEY);
    }

    @Test
    void oneSignerServesManyThreadsAndStaysTheSame() throws Exception {
        for (WxPaySignType type : WxPaySignType.values()) {
            WxPaySigner shared = new WxPaySigner(DOC_KEY, type);
            WXPayConstants.SignType sdkType = type == WxPaySignType.MD5 ? WXPayConstants.SignType.MD5
                    : WXPayConstants.SignType.HMACSHA256;
            assertThat(ManyThreads.allRight(8, 1_000, (thread, round) -> {
                Map<String, String> fields = docExample();
                fields.put("out_trade_no", "t" + thread + "-" + round);
                return shared.sign(fields).equals(WXPayUtil.generateSignature(fields, DOC_KEY, sdkType));
            })).as(type.name()).isTrue();
        }
    }
}
