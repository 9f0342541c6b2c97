package io.github.delayclose.wxpay;

import io.github.delayclose.wxpay.protocol.WxPaySignType;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.github.delayclose.wxpay.simulator.MerchantAccount;

/** The merchant account shared by the gateway's tests and the simulator they talk to. */
final class WxPayTestAccounts {

    static final String APP_ID = "wx2421b1c4370ec43b";

    static final String MCH_ID = "10000100";

    /** Distinctive, so that a test can prove it never leaks into messages. */
    static final String API_KEY = "K3yN0tForLogs0123456789abcdefXYZ";

    private WxPayTestAccounts() {
    }

    static MerchantAccount simulatorAccount(WxPaySignType notificationSignType) {
        return new MerchantAccount(APP_ID, MCH_ID, API_KEY, notificationSignType);
    }

    static WxPaySettings settings(String baseUrl) {
        return WxPaySettings.builder(APP_ID, MCH_ID, API_KEY).baseUrl(baseUrl).build();
    }

    /** A loopback URL on which nothing listens. */
    static String unreachableBaseUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** WeChat-style XML, written by hand so tests can send what no well-behaved server would. */
    static String xml(Map<String, String> fields) {
        StringBuilder xml = new StringBuilder("<xml>");
        fields.forEach((name, value) -> xml.append('<').append(name).append("><![CDATA[").append(value)
                .append("]]></").append(name).append('>'));
        return xml.append("</xml>").toString();
    }

    /** Everything an exception would show in a log: messages, causes and stack frames. */
    static String everythingIn(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
