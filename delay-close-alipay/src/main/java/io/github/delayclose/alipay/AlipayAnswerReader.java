package io.github.delayclose.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.delayclose.core.spi.PaymentGatewayException;

/**
 * Turns an OpenAPI answer body into a response object that can be believed: the
 * {@code <method>_response} member, whose exact text verifies RSA2 against Alipay's public key. Only
 * that verified text is read. Anything else is a {@link PaymentGatewayException}.
 */
final class AlipayAnswerReader {

    private final AlipaySettings settings;

    AlipayAnswerReader(AlipaySettings settings) {
        this.settings = settings;
    }

    /**
     * @param method the API called, e.g. {@code alipay.trade.query}
     * @param call what was asked, for messages
     * @return the verified response object; its {@code code} is still to be looked at
     */
    JsonObject read(String method, String call, String body) {
        String responseKey = method.replace('.', '_') + "_response";
        JsonObject whole = parse(call, body);
        String signed = AlipaySignedJson.member(body, responseKey);
        if (signed == null) {
            // Alipay answers requests it cannot attribute (wrong app id, bad request signature) with an
            // error_response; its text is only a hint, whether or not it is signed.
            JsonElement error = whole.get("error_response");
            throw new PaymentGatewayException("Alipay " + call + ": no " + responseKey + " in the answer"
                    + (error != null && error.isJsonObject() ? " but an error_response " + describe(error.getAsJsonObject())
                            : ""));
        }
        JsonElement sign = whole.get("sign");
        if (sign == null || !sign.isJsonPrimitive() || sign.getAsString().isEmpty()) {
            throw new PaymentGatewayException("Alipay " + call + ": answer is not signed");
        }
        boolean valid;
        try {
            valid = AlipaySignature.rsaCheck(signed, sign.getAsString(), settings.alipayPublicKey(), "utf-8", "RSA2");
        }
        catch (AlipayApiException ex) {
            valid = false;
        }
        if (!valid) {
            throw new PaymentGatewayException("Alipay " + call + ": answer signature does not verify with the "
                    + "configured alipayPublicKey; ignoring it");
        }
        JsonObject response = parse(call, signed);
        if (!response.has("code")) {
            throw new PaymentGatewayException("Alipay " + call + ": answer has no code");
        }
        return response;
    }

    /** {@code code/sub_code (sub_msg)} of a response, for messages. */
    static String describe(JsonObject response) {
        return text(response, "code") + "/" + text(response, "sub_code") + " (" + text(response, "sub_msg") + ")";
    }

    /** A member as text, or {@code null} when absent or not a string or number. */
    static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    private static JsonObject parse(String call, String json) {
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new PaymentGatewayException("Alipay " + call + ": answer is not a JSON object");
            }
            return parsed.getAsJsonObject();
        }
        catch (JsonParseException ex) {
            throw new PaymentGatewayException("Alipay " + call + ": unreadable answer, not JSON");
        }
    }
}
