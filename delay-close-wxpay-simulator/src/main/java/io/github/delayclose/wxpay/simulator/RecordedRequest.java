package io.github.delayclose.wxpay.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One call the simulator received on a WeChat Pay endpoint, kept so that tests can check what a
 * client sent (for example that {@code closeorder} was, or was not, called).
 *
 * @param api the endpoint without {@code /pay/}: {@code orderquery}, {@code closeorder} or {@code unifiedorder}
 * @param fields the request's fields; empty when the body was not readable XML
 * @param signatureValid whether the request's signature verified
 * @param receivedAt when it arrived
 */
public record RecordedRequest(String api, Map<String, String> fields, boolean signatureValid, Instant receivedAt) {

    public RecordedRequest {
        Objects.requireNonNull(api, "api");
        fields = Map.copyOf(fields);
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** The request's {@code out_trade_no}, or {@code null}. */
    public String outTradeNo() {
        return fields.get("out_trade_no");
    }
}
