package io.github.delayclose.wxpay.v3.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonElement;
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
 * WeChat Pay API v3 for one merchant, in memory: {@code GET /v3/pay/transactions/out-trade-no/{id}?mchid=}
 * and {@code POST /v3/pay/transactions/out-trade-no/{id}/close}.
 *
 * <p>Requests must carry a {@code WECHATPAY2-SHA256-RSA2048} authorization signed with the merchant's
 * private key, else they get {@code 401 SIGN_ERROR}, unsigned, as from WeChat. Every other answer is
 * signed with the simulator's own key: {@code Wechatpay-Timestamp}, {@code -Nonce}, {@code -Serial}
 * (the key's id) and {@code -Signature} over {@code timestamp\nnonce\nbody\n}. An unknown order is
 * {@code 404 ORDER_NOT_EXIST}; closing is {@code 204}, and {@code 400 ORDERPAID} or
 * {@code 400 ORDER_CLOSED} when there is nothing to close.
 *
 * <p>Misbehaviour for hostile tests is queued: {@link #failNextFor}, {@link #badSignatureNext},
 * {@link #unsignedNext}, {@link #staleNext}, {@link #respondNext}, {@link #httpStatusNext},
 * {@link #delayNext}. Thread-safe.
 */
public final class WxPayV3Simulator {

    /** WeChat Pay v3's time format: RFC 3339 in China Standard Time. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.ofHours(8));

    private static final Pattern AUTH_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final V3Merchant merchant;

    private final TestKeyPair wechatPayKeys;

    private final String wechatPayKeyId;

    private final Clock clock;

    private final Map<String, V3Order> orders = new ConcurrentHashMap<>();

    private final Map<String, Queue<Fault>> faultsByOrder = new ConcurrentHashMap<>();

    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

    private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();

    private final CallLog calls = new CallLog();

    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param merchant the merchant served
     * @param wechatPayKeys the simulator's key pair, which signs answers and notifications: give the
     *     gateway its public key as "the WeChat Pay public key"
     * @param wechatPayKeyId the id of that key ({@code PUB_KEY_ID_…}), or a platform certificate's
     *     serial number, sent as {@code Wechatpay-Serial}
     */
    public WxPayV3Simulator(V3Merchant merchant, TestKeyPair wechatPayKeys, String wechatPayKeyId, Clock clock) {
        this.merchant = Objects.requireNonNull(merchant, "merchant");
        this.wechatPayKeys = Objects.requireNonNull(wechatPayKeys, "wechatPayKeys");
        this.wechatPayKeyId = Objects.requireNonNull(wechatPayKeyId, "wechatPayKeyId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public WxPayV3Simulator(V3Merchant merchant, TestKeyPair wechatPayKeys, String wechatPayKeyId) {
        this(merchant, wechatPayKeys, wechatPayKeyId, Clock.systemUTC());
    }

    /** The merchant it serves. */
    public V3Merchant merchant() {
        return merchant;
    }

    // ---------------------------------------------------------------- orders

    /** An order waiting for payment ({@code NOTPAY}). */
    public V3Order createOrder(String outTradeNo, long total) {
        if (total <= 0) {
            throw new IllegalArgumentException("total must be positive: " + total);
        }
        return orders.computeIfAbsent(outTradeNo, id -> new V3Order(id, V3TradeState.NOTPAY, total, null, null));
    }

    /** The payer pays the order. */
    public V3Order pay(String outTradeNo) {
        return setTradeState(outTradeNo, V3TradeState.SUCCESS);
    }

    /** Forces a trade state, creating the order (1 fen) if needed. */
    public V3Order setTradeState(String outTradeNo, V3TradeState state) {
        createOrder(outTradeNo, 1);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return orders.compute(outTradeNo, (id, order) -> {
            V3Order current = Objects.requireNonNull(order);
            boolean paid = state.isPaid();
            String transactionId = paid ? Objects.requireNonNullElseGet(current.transactionId(),
                    () -> "4200" + String.format("%024d", sequence.incrementAndGet())) : null;
            return new V3Order(id, state, current.total(), transactionId,
                    paid ? Objects.requireNonNullElse(current.successTime(), now) : null);
        });
    }

    /** The order, if WeChat knows it. */
    public Optional<V3Order> order(String outTradeNo) {
        return Optional.ofNullable(orders.get(outTradeNo));
    }

    /** The calls received on the API, oldest first (the last 10,000). */
    public List<SimulatedCall> calls() {
        return calls.all();
    }

    // ---------------------------------------------------------------- faults

    /** The next call about the order is answered with HTTP {@code status} and error {@code code}, signed, without effect. */
    public void failNextFor(String outTradeNo, int status, String code) {
        faultsByOrder.computeIfAbsent(outTradeNo, id -> new ConcurrentLinkedQueue<>())
                .add(new Fault(Fault.Kind.ERROR, status + " " + code));
    }

    /** The next call takes effect, but its answer is signed with another key. */
    public void badSignatureNext() {
        faults.add(new Fault(Fault.Kind.BAD_SIGNATURE, ""));
    }

    /** The next call takes effect, but its answer carries no signature headers. */
    public void unsignedNext() {
        faults.add(new Fault(Fault.Kind.UNSIGNED, ""));
    }

    /** The next call takes effect, but its answer is signed with a timestamp ten minutes old (a replay). */
    public void staleNext() {
        faults.add(new Fault(Fault.Kind.STALE, ""));
    }

    /** The next call takes effect, but is answered 200 with {@code body} verbatim, correctly signed. */
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

    // ---------------------------------------------------------------- signing, for tests that forge answers

    /** The headers of an answer with {@code body}, signed now with the simulator's key. */
    public Map<String, String> signedHeaders(String body) {
        return signedHeaders(body, clock.instant(), wechatPayKeys);
    }

    private Map<String, String> signedHeaders(String body, Instant at, TestKeyPair keys) {
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = nonce();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Serial", wechatPayKeyId);
        headers.put("Wechatpay-Signature", keys.sign(timestamp + "\n" + nonce + "\n" + body + "\n"));
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        headers.put("Request-ID", "08F1" + sequence.incrementAndGet());
        return headers;
    }

    // ---------------------------------------------------------------- notifications

    /** The notification WeChat Pay POSTs for a paid order: signed, its transaction encrypted with the API v3 key. */
    public V3Notification notificationFor(String outTradeNo) {
        V3Order order = orders.get(outTradeNo);
        if (order == null || !order.state().isPaid()) {
            throw new IllegalArgumentException("order " + outTradeNo + " was not paid");
        }
        String nonce = nonce().substring(0, 12);
        String ciphertext = encrypt(JsonText.object(transaction(order)), nonce, "transaction");
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("original_type", "transaction");
        resource.put("algorithm", "AEAD_AES_256_GCM");
        resource.put("ciphertext", ciphertext);
        resource.put("associated_data", "transaction");
        resource.put("nonce", nonce);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "EV-2018022511223320873-" + sequence.incrementAndGet());
        body.put("create_time", TIME.format(clock.instant()));
        body.put("resource_type", "encrypt-resource");
        body.put("event_type", "TRANSACTION.SUCCESS");
        body.put("summary", "支付成功");
        body.put("resource", resource);
        String json = JsonText.object(body);
        return new V3Notification(signedHeaders(json), json);
    }

    /** AES-256-GCM with the API v3 key, base64 of ciphertext and tag: how WeChat Pay v3 encrypts resources. */
    public String encrypt(String plaintext, String nonce, String associatedData) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(merchant.apiV3Key().getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot encrypt with AES-GCM", ex);
        }
    }

    // ---------------------------------------------------------------- the API

    /** Answers one call below {@code /v3/}. */
    public SimulatedAnswer handle(SimulatedCall call) {
        calls.add(call);
        if (!authorized(call)) {
            return SimulatedAnswer.json(401, Map.of(), error("SIGN_ERROR", "签名错误"));
        }
        List<String> path = LoopbackServer.segmentsOf(call.path());
        boolean orderPath = path.size() >= 5 && path.subList(0, 4).equals(List.of("v3", "pay", "transactions", "out-trade-no"));
        String outTradeNo = orderPath ? path.get(4) : "";
        boolean query = orderPath && path.size() == 5 && "GET".equals(call.method());
        boolean close = orderPath && path.size() == 6 && "close".equals(path.get(5)) && "POST".equals(call.method());
        if (!query && !close) {
            return signed(404, error("NOT_FOUND", "无此接口"), null);
        }
        String mchId = query ? LoopbackServer.queryOf(call.path()).get("mchid") : bodyMchId(call.body());
        if (!merchant.mchId().equals(mchId)) {
            return signed(400, error("PARAM_ERROR", "mchid与请求不符"), null);
        }
        Duration delay = Objects.requireNonNullElse(delays.poll(), Duration.ZERO);
        Fault fault = nextFault(outTradeNo);
        if (fault != null && fault.kind() == Fault.Kind.ERROR) {
            String[] statusAndCode = fault.value().split(" ", 2);
            return signed(Integer.parseInt(statusAndCode[0]), error(statusAndCode[1], statusAndCode[1]), null)
                    .delayedBy(delay);
        }
        SimulatedAnswer answer = query ? query(outTradeNo, fault) : close(outTradeNo, fault);
        return answer.delayedBy(delay);
    }

    private SimulatedAnswer query(String outTradeNo, @Nullable Fault fault) {
        V3Order order = orders.get(outTradeNo);
        if (order == null) {
            return signed(404, error("ORDER_NOT_EXIST", "订单不存在"), fault);
        }
        return signed(200, JsonText.object(transaction(order)), fault);
    }

    private SimulatedAnswer close(String outTradeNo, @Nullable Fault fault) {
        V3TradeState[] before = new V3TradeState[1];
        V3Order after = orders.computeIfPresent(outTradeNo, (id, order) -> {
            before[0] = order.state();
            boolean open = order.state() == V3TradeState.NOTPAY || order.state() == V3TradeState.USERPAYING
                    || order.state() == V3TradeState.PAYERROR || order.state() == V3TradeState.ACCEPT;
            return open ? new V3Order(id, V3TradeState.CLOSED, order.total(), null, null) : order;
        });
        if (after == null) {
            return signed(404, error("ORDER_NOT_EXIST", "订单不存在"), fault);
        }
        return switch (before[0]) {
            case SUCCESS, REFUND -> signed(400, error("ORDERPAID", "订单已支付"), fault);
            case CLOSED, REVOKED -> signed(400, error("ORDER_CLOSED", "订单已关闭"), fault);
            default -> signed(204, "", fault);
        };
    }

    private Map<String, Object> transaction(V3Order order) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("total", order.total());
        amount.put("currency", "CNY");
        if (order.state().isPaid()) {
            amount.put("payer_total", order.total());
            amount.put("payer_currency", "CNY");
        }
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("appid", merchant.appId());
        transaction.put("mchid", merchant.mchId());
        transaction.put("out_trade_no", order.outTradeNo());
        transaction.put("transaction_id", order.transactionId());
        transaction.put("trade_type", "NATIVE");
        transaction.put("trade_state", order.state().name());
        transaction.put("trade_state_desc", order.state().name());
        transaction.put("bank_type", order.state().isPaid() ? "CMC" : null);
        transaction.put("success_time", order.successTime() == null ? null : TIME.format(order.successTime()));
        transaction.put("payer", order.state().isPaid() ? Map.of("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o") : null);
        transaction.put("amount", amount);
        return transaction;
    }

    private SimulatedAnswer signed(int status, String body, @Nullable Fault fault) {
        if (fault == null) {
            return SimulatedAnswer.json(status, signedHeaders(body), body);
        }
        return switch (fault.kind()) {
            case BAD_SIGNATURE -> SimulatedAnswer.json(status, signedHeaders(body, clock.instant(), TestKeyPair.generate()),
                    body);
            case UNSIGNED -> SimulatedAnswer.json(status, Map.of(), body);
            case STALE -> SimulatedAnswer.json(status,
                    signedHeaders(body, clock.instant().minus(Duration.ofMinutes(10)), wechatPayKeys), body);
            case RAW -> SimulatedAnswer.json(200, signedHeaders(fault.value()), fault.value());
            case HTTP_STATUS -> new SimulatedAnswer(Integer.parseInt(fault.value()), "text/html", Map.of(),
                    "<html><body>" + fault.value() + "</body></html>", Duration.ZERO);
            case ERROR -> SimulatedAnswer.json(status, signedHeaders(body), body);
        };
    }

    private boolean authorized(SimulatedCall call) {
        String authorization = call.header("Authorization");
        String schema = "WECHATPAY2-SHA256-RSA2048 ";
        if (authorization == null || !authorization.startsWith(schema)) {
            return false;
        }
        Map<String, String> parameters = new HashMap<>();
        Matcher matcher = AUTH_PARAMETER.matcher(authorization.substring(schema.length()));
        while (matcher.find()) {
            parameters.put(matcher.group(1), matcher.group(2));
        }
        String message = call.method() + "\n" + call.path() + "\n" + parameters.get("timestamp") + "\n"
                + parameters.get("nonce_str") + "\n" + call.body() + "\n";
        return merchant.mchId().equals(parameters.get("mchid"))
                && merchant.merchantSerialNumber().equals(parameters.get("serial_no"))
                && parameters.get("signature") != null
                && TestKeyPair.verifies(merchant.merchantPublicKey(), message, parameters.get("signature"));
    }

    private static @Nullable String bodyMchId(String body) {
        try {
            JsonElement mchId = JsonParser.parseString(body).getAsJsonObject().get("mchid");
            return mchId == null ? null : mchId.getAsString();
        }
        catch (JsonParseException | IllegalStateException | UnsupportedOperationException ex) {
            return null;
        }
    }

    private static String error(String code, String message) {
        return JsonText.object(Map.of("code", code, "message", message));
    }

    private static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        StringBuilder hex = new StringBuilder(32);
        for (byte b : bytes) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }

    private @Nullable Fault nextFault(String outTradeNo) {
        Queue<Fault> forOrder = faultsByOrder.get(outTradeNo);
        Fault fault = forOrder == null ? null : forOrder.poll();
        return fault != null ? fault : faults.poll();
    }

    /** A misbehaviour queued for coming calls. */
    private record Fault(Kind kind, String value) {

        enum Kind { ERROR, BAD_SIGNATURE, UNSIGNED, STALE, RAW, HTTP_STATUS }
    }
}
