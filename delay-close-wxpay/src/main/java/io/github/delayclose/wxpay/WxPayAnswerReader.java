package io.github.delayclose.wxpay;

import java.util.Map;

import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPayXml;

/**
 * Turns a WeChat Pay answer body into fields that can be believed: well-formed, communication
 * successful ({@code return_code SUCCESS}), signed with our key and sign type, and addressed to our
 * {@code appid} and {@code mch_id}. Anything else is a {@link PaymentGatewayException}.
 */
final class WxPayAnswerReader {

    private final WxPaySettings settings;

    private final WxPaySigner signer;

    WxPayAnswerReader(WxPaySettings settings, WxPaySigner signer) {
        this.settings = settings;
        this.signer = signer;
    }

    /**
     * @param call what was asked, for messages, e.g. {@code "orderquery for order 42"}
     * @return the verified fields; {@code result_code} is SUCCESS or FAIL
     */
    Map<String, String> read(String call, String body) {
        Map<String, String> fields;
        try {
            fields = WxPayXml.parse(body, settings.maxAnswerBytes());
        }
        catch (WxPayXml.MalformedException ex) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": unreadable answer, " + ex.getMessage());
        }
        String returnCode = fields.get("return_code");
        if (!"SUCCESS".equals(returnCode)) {
            // WeChat does not sign these, so the message is only a hint; "签名错误" usually means a
            // wrong apiKey or signType in our settings.
            throw new PaymentGatewayException("WeChat Pay " + call + ": return_code " + returnCode
                    + " (" + fields.getOrDefault("return_msg", "no return_msg") + ")");
        }
        if (!fields.containsKey("sign")) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": answer is not signed");
        }
        if (!signer.isValid(fields)) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": answer signature does not verify with the "
                    + signer.signType() + " key; ignoring it");
        }
        if (!settings.appId().equals(fields.get("appid")) || !settings.mchId().equals(fields.get("mch_id"))) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": answer is for appid " + fields.get("appid")
                    + " / mch_id " + fields.get("mch_id") + ", not ours");
        }
        String resultCode = fields.get("result_code");
        if (!"SUCCESS".equals(resultCode) && !"FAIL".equals(resultCode)) {
            throw new PaymentGatewayException("WeChat Pay " + call + ": unknown result_code " + resultCode);
        }
        return fields;
    }
}
