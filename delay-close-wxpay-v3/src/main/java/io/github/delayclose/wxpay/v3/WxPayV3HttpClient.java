package io.github.delayclose.wxpay.v3;

import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.wechat.pay.java.core.Config;
import com.wechat.pay.java.core.http.AbstractHttpClient;
import com.wechat.pay.java.core.http.HttpRequest;
import com.wechat.pay.java.core.http.JsonRequestBody;
import com.wechat.pay.java.core.http.OriginalResponse;
import io.github.delayclose.core.spi.PaymentGatewayException;
import io.github.delayclose.providerhttp.ProviderAnswer;
import io.github.delayclose.providerhttp.ProviderHttpClient;
import io.github.delayclose.providerhttp.ProviderHttpException;

/**
 * wechatpay-java's HTTP client on delay-close's {@link ProviderHttpClient}: the SDK signs requests and
 * verifies answers, and every call gets one deadline, a size cap while the answer is read, no
 * redirects and its connection released. Requests go to the configured base URL instead of
 * {@code https://api.mch.weixin.qq.com}, path and query unchanged.
 *
 * <p>The SDK does not verify error answers (4xx, 5xx) before reporting them; this client does, and
 * reports one that does not verify as a {@link PaymentGatewayException}, because an error answer
 * such as {@code ORDER_NOT_EXIST} makes the shop act.
 */
final class WxPayV3HttpClient extends AbstractHttpClient {

    /** Headers the SDK hands over by name; HTTP header names are case-insensitive, its map is not. */
    private static final Set<String> WECHAT_HEADERS = Set.of("Wechatpay-Timestamp", "Wechatpay-Nonce",
            "Wechatpay-Signature", "Wechatpay-Serial", "Wechatpay-Signature-Type", "Request-ID", "Content-Type");

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade");

    private final ProviderHttpClient http;

    private final String baseUrl;

    WxPayV3HttpClient(WxPayV3Settings settings, Config config) {
        super(config.createCredential(), config.createValidator());
        this.http = new ProviderHttpClient(settings.httpSettings());
        this.baseUrl = settings.baseUrl();
    }

    @Override
    protected OriginalResponse innerExecute(HttpRequest request) {
        URI uri = request.getUri();
        java.net.http.HttpRequest.Builder call = java.net.http.HttpRequest.newBuilder(
                URI.create(baseUrl + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
        request.getHeaders().getHeaders().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                call.header(name, value);
            }
        });
        String body = request.getBody() instanceof JsonRequestBody json ? json.getBody() : null;
        call.method(request.getHttpMethod().name(), body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        try {
            ProviderAnswer answer = http.send(call.build());
            return response(request, answer.status(), answer.headers(), answer.body());
        }
        catch (ProviderHttpException ex) {
            if (ex.failure() != ProviderHttpException.Failure.HTTP_STATUS || ex.answerHeaders().isEmpty()) {
                throw ex;
            }
            String errorBody = ex.answerBody().orElse("");
            OriginalResponse error = response(request, ex.status().orElseThrow(), ex.answerHeaders().get(), errorBody);
            if (!verifies(error)) {
                throw new PaymentGatewayException(ex.getMessage() + ", an error answer without a valid WeChat Pay "
                        + "signature" + (errorBody.length() < 200 ? ": " + errorBody : ""), ex);
            }
            return error; // the SDK turns it into a ServiceException with WeChat's error code
        }
    }

    private boolean verifies(OriginalResponse response) {
        try {
            return validator.validate(response.getHeaders(), response.getBody());
        }
        catch (RuntimeException ex) {
            return false; // no or a stale timestamp, an unreadable signature
        }
    }

    private static OriginalResponse response(HttpRequest request, int status, java.net.http.HttpHeaders headers,
            String body) {
        Map<String, String> copied = new HashMap<>();
        headers.map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                copied.put(name, values.get(0));
            }
        });
        for (String name : WECHAT_HEADERS) {
            headers.firstValue(name).ifPresent(value -> copied.put(name, value));
        }
        return new OriginalResponse.Builder().request(request).statusCode(status).headers(copied)
                .contentType(headers.firstValue("Content-Type").orElse(null)).body(body).build();
    }

    @Override
    protected InputStream innerDownload(HttpRequest request) {
        throw new UnsupportedOperationException("delay-close downloads nothing from WeChat Pay");
    }

    @Override
    protected String getHttpClientInfo() {
        return "delay-close-provider-http";
    }
}
