package io.github.delayclose.wxpay.simulator;

import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPayXml;
import io.github.delayclose.wxpay.protocol.WxPayNonces;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal WeChat Pay v2 client for the simulator's own tests: signs, posts, returns the raw answer. */
final class WxPayTestClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    private final MerchantAccount account;

    WxPayTestClient(String baseUrl, MerchantAccount account) {
        this.baseUrl = baseUrl;
        this.account = account;
    }

    Map<String, String> call(String api, String outTradeNo, WxPaySignType signType) throws Exception {
        return WxPayXml.parse(post("/pay/" + api, signedRequest(outTradeNo, signType)).body());
    }

    Map<String, String> call(String api, String outTradeNo) throws Exception {
        return call(api, outTradeNo, WxPaySignType.MD5);
    }

    String signedRequest(String outTradeNo, WxPaySignType signType) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appid", account.appId());
        fields.put("mch_id", account.mchId());
        fields.put("out_trade_no", outTradeNo);
        fields.put("nonce_str", WxPayNonces.next());
        if (signType != WxPaySignType.MD5) {
            fields.put("sign_type", signType.wireName());
        }
        fields.put("sign", new WxPaySigner(account.apiKey(), signType).sign(fields));
        return WxPayXml.write(fields);
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path) throws Exception {
        return post(path, "");
    }
}
