package io.github.delayclose.alipay.simulator;

import java.math.BigDecimal;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.delayclose.simulator.support.CallLog;
import io.github.delayclose.simulator.support.JsonText;
import io.github.delayclose.simulator.support.LoopbackServer;
import io.github.delayclose.simulator.support.SimulatedAnswer;
import io.github.delayclose.simulator.support.SimulatedCall;
import io.github.delayclose.simulator.support.TestKeyPair;
import org.jspecify.annotations.Nullable;

/**
 * Alipay's OpenAPI gateway ({@code gateway.do}) for one app, in memory: {@code alipay.trade.query} and
 * {@code alipay.trade.close}, with Alipay's codes ({@code 10000}, {@code 40004} with
 * {@code ACQ.TRADE_NOT_EXIST}, {@code ACQ.TRADE_STATUS_ERROR}, {@code ACQ.SYSTEM_ERROR}, …).
 *
 * <p>Requests must be form posts signed RSA2 with the app's private key (every parameter but
 * {@code sign}, sorted, as {@code k=v&...}); answers are JSON whose {@code *_response} object is
 * signed RSA2 with the simulator's own "Alipay" key, exactly as its text appears in the body.
 * Notifications are signed the same way over their fields without {@code sign} and {@code sign_type}.
 *
 * <p>Misbehaviour for hostile tests is queued: {@link #failNext}, {@link #badSignatureNext},
 * {@link #unsignedNext}, {@link #respondNext}, {@link #httpStatusNext}, {@link #delayNext}. Thread-safe.
 */
public final class AlipaySimulator {

    /** The time format of Alipay's answers and notifications, in China Standard Time. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private static final Map<String, String> SUB_MESSAGES = Map.of(
            "ACQ.TRADE_NOT_EXIST", "交易不存在",
            "ACQ.SYSTEM_ERROR", "系统错误",
            "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");

    private final String appId;

    private final PublicKey appPublicKey;

    private final TestKeyPair alipayKeys;

    private final Clock clock;

    private final Map<String, AlipayOrder> orders = new ConcurrentHashMap<>();

    private final Map<String, Queue<Fault>> faultsByOrder = new ConcurrentHashMap<>();

    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

    private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();

    private final CallLog calls = new CallLog();

    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param appId the app id requests must carry
     * @param appPublicKey the app's public key, which verifies requests
     * @param alipayKeys the simulator's own key pair, which signs answers and notifications; give the
     *     gateway its public key as "the Alipay public key"
     */
    public AlipaySimulator(String appId, PublicKey appPublicKey, TestKeyPair alipayKeys, Clock clock) {
        this.appId = requireText(appId, "appId");
        this.appPublicKey = Objects.requireNonNull(appPublicKey, "appPublicKey");
        this.alipayKeys = Objects.requireNonNull(alipayKeys, "alipayKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AlipaySimulator(String appId, PublicKey appPublicKey, TestKeyPair alipayKeys) {
        this(appId, appPublicKey, alipayKeys, Clock.systemUTC());
    }

    /** The app id it serves. */
    public String appId() {
        return appId;
    }

    /** The key pair it signs with; its public key is what a gateway must trust. */
    public TestKeyPair alipayKeys() {
        return alipayKeys;
    }

    // ---------------------------------------------------------------- orders

    /** A trade waiting for payment (after the buyer scanned the code: before that Alipay does not know it). */
    public AlipayOrder createOrder(String outTradeNo, long totalFen) {
        if (totalFen <= 0) {
            throw new IllegalArgumentException("totalFen must be positive: " + totalFen);
        }
        return orders.computeIfAbsent(requireText(outTradeNo, "outTradeNo"), id -> new AlipayOrder(id,
                TIME.format(clock.instant()).replaceAll("[^0-9]", "").substring(0, 8) + "2200"
                        + String.format("%014d", sequence.incrementAndGet()),
                AlipayTradeStatus.WAIT_BUYER_PAY, totalFen, null));
    }

    /** The buyer pays the order: {@code TRADE_SUCCESS}. */
    public AlipayOrder pay(String outTradeNo) {
        return setTradeStatus(outTradeNo, AlipayTradeStatus.TRADE_SUCCESS);
    }

    /** Forces a trade status, creating the order (1 fen) if needed. */
    public AlipayOrder setTradeStatus(String outTradeNo, AlipayTradeStatus status) {
        createOrder(outTradeNo, 1);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return orders.compute(outTradeNo, (id, order) -> Objects.requireNonNull(order).withStatus(status, now));
    }

    /** The order, if Alipay knows it. */
    public Optional<AlipayOrder> order(String outTradeNo) {
        return Optional.ofNullable(orders.get(outTradeNo));
    }

    /** The calls received on the gateway, oldest first (the last 10,000). */
    public List<SimulatedCall> calls() {
        return calls.all();
    }

    // ---------------------------------------------------------------- faults

    /** The next {@code count} calls fail with {@code 40004}/{@code subCode} and take no effect. */
    public void failNext(int count, String subCode) {
        enqueue(faults, count, new Fault(Fault.Kind.ERROR, subCode));
    }

    /** The next call about {@code outTradeNo} fails with {@code subCode} (e.g. {@code ACQ.SYSTEM_ERROR}). */
    public void failNextFor(String outTradeNo, String subCode) {
        faultsByOrder.computeIfAbsent(outTradeNo, id -> new ConcurrentLinkedQueue<>())
                .add(new Fault(Fault.Kind.ERROR, subCode));
    }

    /** The next call takes effect, but its answer is signed with another key. */
    public void badSignatureNext() {
        faults.add(new Fault(Fault.Kind.BAD_SIGNATURE, ""));
    }

    /** The next call takes effect, but its answer carries no signature. */
    public void unsignedNext() {
        faults.add(new Fault(Fault.Kind.UNSIGNED, ""));
    }

    /** The next call takes effect, but is answered with {@code body} verbatim. */
    public void respondNext(String body) {
        faults.add(new Fault(Fault.Kind.RAW, Objects.requireNonNull(body, "body")));
    }

    /** The next call takes effect, but is answered with HTTP {@code status} and an HTML page. */
    public void httpStatusNext(int status) {
        faults.add(new Fault(Fault.Kind.HTTP_STATUS, Integer.toString(status)));
    }

    /** The next answer is held back for {@code delay}. */
    public void delayNext(Duration delay) {
        delays.add(Objects.requireNonNull(delay, "delay"));
    }

    /** Forgets orders, faults, delays and calls. */
    public void reset() {
        orders.clear();
        faults.clear();
        faultsByOrder.clear();
        delays.clear();
        calls.clear();
    }

    // ---------------------------------------------------------------- notifications

    /**
     * The asynchronous notification Alipay POSTs for a paid trade, as a form body, signed with the
     * simulator's key.
     */
    public String notificationFor(String outTradeNo) {
        AlipayOrder order = orders.get(outTradeNo);
        if (order == null || order.paidAt() == null) {
            throw new IllegalArgumentException("order " + outTradeNo + " was not paid");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("notify_time", TIME.format(clock.instant()));
        fields.put("notify_type", "trade_status_sync");
        fields.put("notify_id", "ac05099524730693a8b330c5ecf72da" + sequence.incrementAndGet());
        fields.put("app_id", appId);
        fields.put("charset", "utf-8");
        fields.put("version", "1.0");
        fields.put("sign_type", "RSA2");
        fields.put("trade_no", order.tradeNo());
        fields.put("out_trade_no", order.outTradeNo());
        fields.put("trade_status", order.status().name());
        fields.put("total_amount", yuan(order.totalFen()));
        fields.put("receipt_amount", yuan(order.totalFen()));
        fields.put("gmt_create", TIME.format(order.paidAt()));
        fields.put("gmt_payment", TIME.format(order.paidAt()));
        fields.put("sign", sign(notificationContent(fields)));
        return form(fields);
    }

    /** What a notification's signature covers: its fields but {@code sign} and {@code sign_type}, sorted. */
    public static String notificationContent(Map<String, String> fields) {
        Map<String, String> signed = new TreeMap<>(fields);
        signed.remove("sign");
        signed.remove("sign_type");
        return content(signed);
    }

    /** What a request's signature covers: its parameters but {@code sign}, sorted, empty ones left out. */
    public static String requestContent(Map<String, String> fields) {
        Map<String, String> signed = new TreeMap<>(fields);
        signed.remove("sign");
        return content(signed);
    }

    // ---------------------------------------------------------------- the gateway

    /** Answers one call to {@code /gateway.do}. */
    public SimulatedAnswer handle(SimulatedCall call) {
        calls.add(call);
        if (!"POST".equals(call.method()) && !"GET".equals(call.method())) {
            return SimulatedAnswer.json(405, Map.of(), "{}");
        }
        Map<String, String> fields = new LinkedHashMap<>(LoopbackServer.queryOf(call.path()));
        fields.putAll(LoopbackServer.formFields(call.body()));
        String method = fields.getOrDefault("method", "");
        String responseKey = method.isEmpty() ? "error_response" : method.replace('.', '_') + "_response";
        String sign = fields.get("sign");
        if (sign == null || !TestKeyPair.verifies(appPublicKey, requestContent(fields), sign)) {
            return answer(responseKey, gatewayError("40002", "Invalid Arguments", "isv.invalid-signature",
                    "验签出错"), null);
        }
        if (!appId.equals(fields.get("app_id"))) {
            return answer(responseKey, gatewayError("40002", "Invalid Arguments", "isv.invalid-app-id",
                    "无效的AppID参数"), null);
        }
        if (!"RSA2".equals(fields.get("sign_type"))) {
            return answer(responseKey, gatewayError("40002", "Invalid Arguments", "isv.invalid-signature-type",
                    "无效的签名类型"), null);
        }
        String outTradeNo = outTradeNo(fields.get("biz_content"));
        if (outTradeNo == null) {
            return answer(responseKey, gatewayError("40002", "Invalid Arguments", "isv.missing-out-trade-no",
                    "缺少参数out_trade_no"), null);
        }
        Duration delay = Objects.requireNonNullElse(delays.poll(), Duration.ZERO);
        Fault fault = nextFault(outTradeNo);
        Map<String, String> response;
        if (fault != null && fault.kind() == Fault.Kind.ERROR) {
            response = businessError(fault.value());
        }
        else {
            response = switch (method) {
                case "alipay.trade.query" -> query(outTradeNo);
                case "alipay.trade.close" -> close(outTradeNo);
                default -> gatewayError("40004", "Business Failed", "isv.invalid-method", "不存在的方法名");
            };
        }
        return answer(responseKey, response, fault).delayedBy(delay);
    }

    private Map<String, String> query(String outTradeNo) {
        AlipayOrder order = orders.get(outTradeNo);
        if (order == null) {
            return businessError("ACQ.TRADE_NOT_EXIST");
        }
        Map<String, String> response = success();
        response.put("trade_no", order.tradeNo());
        response.put("out_trade_no", order.outTradeNo());
        response.put("buyer_logon_id", "159****5620");
        response.put("trade_status", order.status().name());
        response.put("total_amount", yuan(order.totalFen()));
        if (order.paidAt() != null) {
            response.put("buyer_pay_amount", yuan(order.totalFen()));
            response.put("send_pay_date", TIME.format(order.paidAt()));
            response.put("buyer_user_id", "2088101117955611");
        }
        return response;
    }

    private Map<String, String> close(String outTradeNo) {
        AlipayOrder before = orders.get(outTradeNo);
        if (before == null) {
            return businessError("ACQ.TRADE_NOT_EXIST");
        }
        boolean[] closed = new boolean[1];
        AlipayOrder after = orders.compute(outTradeNo, (id, order) -> {
            AlipayOrder current = Objects.requireNonNull(order);
            if (current.status() == AlipayTradeStatus.WAIT_BUYER_PAY) {
                closed[0] = true;
                return current.withStatus(AlipayTradeStatus.TRADE_CLOSED, clock.instant());
            }
            return current;
        });
        if (!closed[0]) {
            return businessError("ACQ.TRADE_STATUS_ERROR");
        }
        Map<String, String> response = success();
        response.put("trade_no", after.tradeNo());
        response.put("out_trade_no", after.outTradeNo());
        return response;
    }

    // ---------------------------------------------------------------- answers

    private SimulatedAnswer answer(String responseKey, Map<String, String> response, @Nullable Fault fault) {
        String responseJson = JsonText.object(response);
        String signature = sign(responseJson);
        if (fault != null) {
            switch (fault.kind()) {
                case BAD_SIGNATURE -> signature = TestKeyPair.generate().sign(responseJson);
                case UNSIGNED -> {
                    return SimulatedAnswer.json(200, Map.of(), "{" + JsonText.string(responseKey) + ":" + responseJson + "}");
                }
                case RAW -> {
                    return SimulatedAnswer.json(200, Map.of(), fault.value());
                }
                case HTTP_STATUS -> {
                    return new SimulatedAnswer(Integer.parseInt(fault.value()), "text/html", Map.of(),
                            "<html><body>" + fault.value() + "</body></html>", Duration.ZERO);
                }
                case ERROR -> {
                }
            }
        }
        return SimulatedAnswer.json(200, Map.of(), "{" + JsonText.string(responseKey) + ":" + responseJson + ","
                + JsonText.string("sign") + ":" + JsonText.string(signature) + "}");
    }

    private static Map<String, String> success() {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("code", "10000");
        response.put("msg", "Success");
        return response;
    }

    private static Map<String, String> businessError(String subCode) {
        return gatewayError(subCode.equals("ACQ.SYSTEM_ERROR") ? "20000" : "40004",
                subCode.equals("ACQ.SYSTEM_ERROR") ? "Service Currently Unavailable" : "Business Failed", subCode,
                SUB_MESSAGES.getOrDefault(subCode, subCode));
    }

    private static Map<String, String> gatewayError(String code, String msg, String subCode, String subMsg) {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("code", code);
        response.put("msg", msg);
        response.put("sub_code", subCode);
        response.put("sub_msg", subMsg);
        return response;
    }

    private String sign(String text) {
        return alipayKeys.sign(text);
    }

    private static @Nullable String outTradeNo(@Nullable String bizContent) {
        if (bizContent == null) {
            return null;
        }
        try {
            JsonObject biz = JsonParser.parseString(bizContent).getAsJsonObject();
            return biz.has("out_trade_no") && !biz.get("out_trade_no").getAsString().isEmpty()
                    ? biz.get("out_trade_no").getAsString() : null;
        }
        catch (JsonParseException | IllegalStateException | UnsupportedOperationException ex) {
            return null;
        }
    }

    private @Nullable Fault nextFault(String outTradeNo) {
        Queue<Fault> forOrder = faultsByOrder.get(outTradeNo);
        Fault fault = forOrder == null ? null : forOrder.poll();
        return fault != null ? fault : faults.poll();
    }

    private static void enqueue(Queue<Fault> queue, int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        for (int i = 0; i < count; i++) {
            queue.add(fault);
        }
    }

    /** Fen as Alipay's yuan amount with two decimals. */
    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static String content(Map<String, String> sorted) {
        StringBuilder content = new StringBuilder();
        sorted.forEach((name, value) -> {
            if (value != null && !value.isEmpty()) {
                if (content.length() > 0) {
                    content.append('&');
                }
                content.append(name).append('=').append(value);
            }
        });
        return content.toString();
    }

    private static String form(Map<String, String> fields) {
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> {
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        });
        return form.toString();
    }

    private static String requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** A misbehaviour queued for coming calls. */
    private record Fault(Kind kind, String value) {

        enum Kind { ERROR, BAD_SIGNATURE, UNSIGNED, RAW, HTTP_STATUS }
    }
}
