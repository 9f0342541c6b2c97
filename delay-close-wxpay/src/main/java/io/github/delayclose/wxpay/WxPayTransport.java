package io.github.delayclose.wxpay;

import io.github.delayclose.wxpay.protocol.WxPaySignType;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

import com.github.wxpay.sdk.WXPay;
import com.github.wxpay.sdk.WXPayConfig;
import com.github.wxpay.sdk.WXPayConstants;

/**
 * Sends signed WeChat Pay v2 requests with wxpay-sdk 0.0.3 and returns the raw answer.
 *
 * <p>The SDK's API methods ({@code orderQuery}, {@code closeOrder}) hard-code
 * {@code https://api.mch.weixin.qq.com} and parse answers with the XXE-prone
 * {@code WXPayUtil.xmlToMap}. Its two public building blocks have neither problem, so this class
 * uses only those: {@link WXPay#fillRequestData} (adds {@code appid}, {@code mch_id},
 * {@code nonce_str}, {@code sign_type} and {@code sign}) and {@link WXPay#requestWithoutCert}, which
 * POSTs to any URL with our timeouts and returns the body unparsed.
 */
final class WxPayTransport {

    private final WxPaySettings settings;

    private final WXPay sdk;

    WxPayTransport(WxPaySettings settings) {
        this.settings = settings;
        WXPayConstants.SignType sdkSignType = settings.signType() == WxPaySignType.HMAC_SHA256
                ? WXPayConstants.SignType.HMACSHA256 : WXPayConstants.SignType.MD5;
        this.sdk = new WXPay(new SettingsConfig(settings), sdkSignType, false);
    }

    /**
     * Signs and sends one request.
     *
     * @param api the endpoint below {@code /pay/}, e.g. {@code orderquery}
     * @param fields the call's own fields; the account fields and signature are added
     * @return the answer body, not yet parsed or verified
     * @throws TransportException when no answer arrived; its message says why, never with the key
     */
    String post(String api, Map<String, String> fields) {
        String url = settings.baseUrl() + "/pay/" + api;
        try {
            Map<String, String> request = sdk.fillRequestData(new HashMap<>(fields));
            return sdk.requestWithoutCert(url, request, (int) settings.connectTimeout().toMillis(),
                    (int) settings.readTimeout().toMillis());
        }
        catch (SocketTimeoutException ex) {
            throw new TransportException("no answer from " + url + " within the timeout (connect "
                    + settings.connectTimeout() + ", read " + settings.readTimeout() + ")", ex);
        }
        catch (ConnectException ex) {
            throw new TransportException("cannot connect to " + url + " (" + ex.getMessage() + ")", ex);
        }
        catch (UnknownHostException ex) {
            throw new TransportException("unknown host in " + url, ex);
        }
        catch (Exception ex) { // the SDK declares "throws Exception"
            throw new TransportException("request to " + url + " failed: " + ex, ex);
        }
    }

    /** The call did not get an answer. */
    static final class TransportException extends RuntimeException {

        TransportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The SDK's configuration interface over our settings. */
    private static final class SettingsConfig implements WXPayConfig {

        private final WxPaySettings settings;

        SettingsConfig(WxPaySettings settings) {
            this.settings = settings;
        }

        @Override
        public String getAppID() {
            return settings.appId();
        }

        @Override
        public String getMchID() {
            return settings.mchId();
        }

        @Override
        public String getKey() {
            return settings.apiKey();
        }

        @Override
        public InputStream getCertStream() {
            return null; // orderquery and closeorder need no client certificate
        }

        @Override
        public int getHttpConnectTimeoutMs() {
            return (int) settings.connectTimeout().toMillis();
        }

        @Override
        public int getHttpReadTimeoutMs() {
            return (int) settings.readTimeout().toMillis();
        }

        @Override
        public String toString() {
            return "WXPayConfig[appId=" + settings.appId() + ", mchId=" + settings.mchId() + ", key=******]";
        }
    }
}
