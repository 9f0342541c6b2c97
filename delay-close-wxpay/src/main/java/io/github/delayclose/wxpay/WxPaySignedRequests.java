package io.github.delayclose.wxpay;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.delayclose.wxpay.protocol.WxPayNonces;
import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPayXml;

/**
 * The body of a WeChat Pay v2 request: the call's own fields plus {@code appid}, {@code mch_id},
 * a fresh {@code nonce_str}, {@code sign_type} and the {@code sign} over all of them, as XML.
 * What wxpay-sdk's {@code fillRequestData} and {@code mapToXml} did, without a DOM or a
 * {@code Transformer} per request.
 */
final class WxPaySignedRequests {

    private final WxPaySettings settings;

    private final WxPaySigner signer;

    WxPaySignedRequests(WxPaySettings settings, WxPaySigner signer) {
        this.settings = settings;
        this.signer = signer;
    }

    /** The signed XML request carrying {@code callFields}. */
    String xml(Map<String, String> callFields) {
        Map<String, String> fields = new LinkedHashMap<>(callFields.size() * 2 + 10);
        fields.put("appid", settings.appId());
        fields.put("mch_id", settings.mchId());
        fields.putAll(callFields);
        fields.put("nonce_str", WxPayNonces.next());
        fields.put("sign_type", settings.signType().wireName());
        fields.put("sign", signer.sign(fields));
        return WxPayXml.write(fields);
    }
}
