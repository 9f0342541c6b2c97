package io.github.delayclose.alipay;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.providerhttp.ProviderHttpClient;
import io.github.delayclose.providerhttp.ProviderHttpException;

/**
 * Signs OpenAPI requests with the app's key (the Alipay SDK's {@link AlipaySignature}, RSA2) and
 * posts them as forms on the gateway's one {@link ProviderHttpClient}: a deadline per call, the answer
 * capped while it is read, no redirects, every connection released.
 */
final class AlipayTransport {

    private final AlipaySettings settings;

    private final ProviderHttpClient http;

    private final URI gateway;

    private final Clock clock;

    AlipayTransport(AlipaySettings settings, Clock clock) {
        this.settings = settings;
        this.http = new ProviderHttpClient(settings.httpSettings());
        this.gateway = URI.create(settings.gatewayUrl());
        this.clock = clock;
    }

    /**
     * Signs and sends one call.
     *
     * @param method the API, e.g. {@code alipay.trade.query}
     * @param bizContent the call's {@code biz_content} JSON
     * @return the answer body, not yet verified
     * @throws PaymentGatewayException when no answer arrived or the request could not be signed
     */
    String call(String method, String bizContent, String call) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("app_id", settings.appId());
        fields.put("method", method);
        fields.put("format", "JSON");
        fields.put("charset", "utf-8");
        fields.put("sign_type", "RSA2");
        fields.put("timestamp", AlipayValues.format(clock.instant()));
        fields.put("version", "1.0");
        fields.put("biz_content", bizContent);
        try {
            fields.put("sign", AlipaySignature.rsaSign(AlipaySignature.getSignContent(fields), settings.privateKey(),
                    "utf-8", "RSA2"));
        }
        catch (AlipayApiException ex) {
            // Never the key in the message: the SDK's own message may quote it.
            throw new PaymentGatewayException("Alipay " + call + ": cannot sign the request with the configured privateKey");
        }
        try {
            return http.post(gateway, "application/x-www-form-urlencoded", form(fields)).body();
        }
        catch (ProviderHttpException ex) {
            throw new PaymentGatewayException("Alipay " + call + ": " + ex.getMessage(), ex);
        }
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder(512);
        fields.forEach((name, value) -> {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return form.toString();
    }
}
