package io.github.delayclose.wxpay.v3.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * A payment notification as WeChat Pay v3 POSTs it: signature headers and a JSON body whose
 * {@code resource} is AES-256-GCM encrypted with the merchant's API v3 key.
 *
 * @param headers {@code Wechatpay-Timestamp}, {@code Wechatpay-Nonce}, {@code Wechatpay-Signature},
 *     {@code Wechatpay-Serial}, {@code Wechatpay-Signature-Type}
 * @param body the JSON body
 */
public record V3Notification(Map<String, String> headers, String body) {

    public V3Notification {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }
}
