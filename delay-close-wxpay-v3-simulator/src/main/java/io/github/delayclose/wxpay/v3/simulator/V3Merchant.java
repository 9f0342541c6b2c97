package io.github.delayclose.wxpay.v3.simulator;

import java.security.PublicKey;
import java.util.Objects;

/**
 * The merchant the simulator serves.
 *
 * @param mchId the merchant id every request must carry and every answer repeats
 * @param appId the app id of its orders
 * @param merchantSerialNumber the serial number of the merchant's API certificate, named in each
 *     request's authorization
 * @param merchantPublicKey the merchant's public key, which verifies requests
 * @param apiV3Key the API v3 key (32 characters), which encrypts notifications; masked in {@link #toString()}
 */
public record V3Merchant(String mchId, String appId, String merchantSerialNumber, PublicKey merchantPublicKey,
        String apiV3Key) {

    public V3Merchant {
        Objects.requireNonNull(mchId, "mchId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(merchantSerialNumber, "merchantSerialNumber");
        Objects.requireNonNull(merchantPublicKey, "merchantPublicKey");
        if (apiV3Key == null || apiV3Key.length() != 32) {
            throw new IllegalArgumentException("apiV3Key must be 32 characters");
        }
    }

    @Override
    public String toString() {
        return "V3Merchant[mchId=" + mchId + ", appId=" + appId + ", merchantSerialNumber=" + merchantSerialNumber
                + ", apiV3Key=******]";
    }
}
