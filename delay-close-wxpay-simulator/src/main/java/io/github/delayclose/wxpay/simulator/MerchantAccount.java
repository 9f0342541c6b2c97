package io.github.delayclose.wxpay.simulator;

import io.github.delayclose.wxpay.protocol.WxPaySignType;
import java.util.Objects;

/**
 * The one merchant the simulator serves.
 *
 * @param appId the {@code appid} every request must carry and every answer repeats
 * @param mchId the {@code mch_id} every request must carry and every answer repeats
 * @param apiKey the API key that signs requests, answers and notifications; masked in {@link #toString()}
 * @param notificationSignType how payment notifications are signed (answers follow each request's
 *     {@code sign_type} instead, as WeChat's do)
 */
public record MerchantAccount(String appId, String mchId, String apiKey, WxPaySignType notificationSignType) {

    public MerchantAccount {
        requireText(appId, "appId");
        requireText(mchId, "mchId");
        requireText(apiKey, "apiKey");
        Objects.requireNonNull(notificationSignType, "notificationSignType");
    }

    /** An account whose notifications are MD5-signed. */
    public MerchantAccount(String appId, String mchId, String apiKey) {
        this(appId, mchId, apiKey, WxPaySignType.MD5);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "MerchantAccount[appId=" + appId + ", mchId=" + mchId + ", apiKey=******, notificationSignType="
                + notificationSignType + "]";
    }
}
