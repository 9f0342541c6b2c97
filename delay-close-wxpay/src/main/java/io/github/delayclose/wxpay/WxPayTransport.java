package io.github.delayclose.wxpay;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.delayclose.providerhttp.ProviderHttpClient;
import io.github.delayclose.providerhttp.ProviderHttpException;

/**
 * Sends signed WeChat Pay v2 requests and returns the raw answer, on the gateway's one
 * {@link ProviderHttpClient}: a deadline per call, the answer capped while it is read, no
 * redirects, and every connection released.
 */
final class WxPayTransport {

    private final WxPaySettings settings;

    private final WxPaySignedRequests requests;

    private final ProviderHttpClient http;

    private final Map<String, URI> endpoints = new ConcurrentHashMap<>();

    WxPayTransport(WxPaySettings settings, WxPaySignedRequests requests) {
        this.settings = settings;
        this.requests = requests;
        this.http = new ProviderHttpClient(settings.httpSettings());
    }

    /**
     * Signs and sends one request.
     *
     * @param api the endpoint below {@code /pay/}, e.g. {@code orderquery}
     * @param fields the call's own fields; the account fields and signature are added
     * @return the answer body, not yet parsed or verified
     * @throws ProviderHttpException when no answer arrived; its message says why, never with the
     *     request or the key
     */
    String post(String api, Map<String, String> fields) {
        URI endpoint = endpoints.computeIfAbsent(api, name -> URI.create(settings.baseUrl() + "/pay/" + name));
        return http.post(endpoint, "text/xml", requests.xml(fields)).body();
    }
}
