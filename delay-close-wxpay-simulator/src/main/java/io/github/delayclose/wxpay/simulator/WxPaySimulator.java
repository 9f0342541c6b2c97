package io.github.delayclose.wxpay.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.github.delayclose.wxpay.protocol.WxPayNonces;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import io.github.delayclose.wxpay.protocol.WxPaySigner;
import io.github.delayclose.wxpay.protocol.WxPayXml;

/**
 * An in-memory WeChat Pay v2 merchant account: its orders, the answers WeChat would give, and
 * controls to make those answers go wrong on purpose. Transport-free ({@link SimulatorServer} puts
 * it on HTTP).
 *
 * <h2>Concurrency</h2>
 * Thread-safe, and built to answer thousands of calls a second from many threads: there is no lock
 * over the whole simulator. Each order has its own lock, like a real provider's row lock, so a
 * query, a close and a control call on the same order are strictly ordered while calls on
 * different orders run in parallel; parsing, signing and verifying happen outside any lock. Faults
 * and delays sit in concurrent queues. Only the most recent requests are recorded
 * ({@link #recordLastRequests}), so a run of a hundred thousand orders does not grow memory without bound.
 *
 * <h2>Behaviour</h2>
 * <ul>
 *   <li>Every request must be XML with a valid signature ({@code sign_type} MD5 when absent,
 *       or HMAC-SHA256) and this account's {@code appid} and {@code mch_id}; otherwise the answer is
 *       {@code return_code FAIL} with WeChat's message ({@code 签名错误}, {@code XML格式错误},
 *       {@code appid和mch_id不匹配}), unsigned, as WeChat's are.</li>
 *   <li>Answers are signed with the request's sign type.</li>
 *   <li>{@code orderquery}: the order's {@code trade_state}; {@code ORDERNOTEXIST} for an unknown order.</li>
 *   <li>{@code closeorder}: NOTPAY, USERPAYING, PAYERROR and ACCEPT orders become CLOSED;
 *       paid ones (SUCCESS, REFUND) answer {@code ORDERPAID}; CLOSED and REVOKED ones
 *       {@code ORDERCLOSED}. For an unknown order WeChat's documentation gives no answer; the
 *       simulator answers {@code ORDERNOTEXIST}, like {@code orderquery}. WeChat's rule that an
 *       order cannot be closed in the first five minutes is not simulated.</li>
 *   <li>{@code unifiedorder}: creates a NOTPAY order and remembers its {@code notify_url}.</li>
 * </ul>
 *
 * <h2>Faults</h2>
 * Queued faults apply to the next calls on the WeChat endpoints that pass the signature check;
 * those queued for one order ({@link #failNextFor}) come first. An injected error code means the
 * call had no effect; a spoilt answer (bad signature, malformed XML, raw body, HTTP status, delay)
 * means the call <em>did</em> take effect and only its answer was lost, which is the case that
 * tests idempotency.
 */
public final class WxPaySimulator {

    /** The API endpoints, by their name after {@code /pay/}. */
    static final Set<String> APIS = Set.of("orderquery", "closeorder", "unifiedorder");

    static final String PAYER_OPENID = "oSimulatedPayer0000000000000";

    private static final Map<String, String> ERROR_DESCRIPTIONS = Map.of(
            "SYSTEMERROR", "系统错误",
            "ORDERNOTEXIST", "此交易订单号不存在",
            "ORDERPAID", "订单已支付",
            "ORDERCLOSED", "订单已关闭",
            "OUT_TRADE_NO_USED", "商户订单号重复");

    private final MerchantAccount account;

    private final Clock clock;

    /** How many requests are recorded unless told otherwise. */
    public static final int DEFAULT_RECORDED_REQUESTS = 10_000;

    private final AtomicLong sequence = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L));

    /** Numbers orders as they are created, so that {@link #orders()} can list them in that order. */
    private final AtomicLong creations = new AtomicLong();

    /** One signer per sign type, made once: a signer looks its digest up when it is created. */
    private final Map<WxPaySignType, WxPaySigner> signers = new EnumMap<>(WxPaySignType.class);

    // Each record's own state is guarded by the record itself.
    private final Map<String, OrderRecord> orders = new ConcurrentHashMap<>();

    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();

    private final Map<String, Queue<Fault>> faultsByOrder = new ConcurrentHashMap<>();

    private final Queue<Duration> delays = new ConcurrentLinkedQueue<>();

    private volatile Duration standingDelay = Duration.ZERO;

    private final RequestLog requests = new RequestLog(DEFAULT_RECORDED_REQUESTS);

    public WxPaySimulator(MerchantAccount account) {
        this(account, Clock.systemUTC());
    }

    /** A simulator whose payment times ({@code time_end}) come from {@code clock}. */
    public WxPaySimulator(MerchantAccount account, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (WxPaySignType type : WxPaySignType.values()) {
            signers.put(type, new WxPaySigner(account.apiKey(), type));
        }
    }

    /** The merchant this simulator serves. */
    public MerchantAccount account() {
        return account;
    }

    // ---------------------------------------------------------------- orders

    /**
     * Creates an unpaid (NOTPAY) order, as {@code unifiedorder} would; returns the existing order
     * unchanged if there is one.
     */
    public SimulatedOrder createOrder(String outTradeNo, long totalFee) {
        requireOrderId(outTradeNo);
        if (totalFee <= 0) {
            throw new IllegalArgumentException("totalFee must be positive (fen): " + totalFee);
        }
        return record(outTradeNo, totalFee, null).snapshot();
    }

    /** Creates an unpaid order of 1 fen; see {@link #createOrder(String, long)}. */
    public SimulatedOrder createOrder(String outTradeNo) {
        return createOrder(outTradeNo, 1);
    }

    /**
     * The payer pays: the order becomes SUCCESS with a new {@code transaction_id} and the current
     * time as {@code time_end}. Paying a paid order changes nothing. No notification is sent; see
     * {@link #sendNotification(String, URI)}.
     *
     * @throws IllegalArgumentException for an unknown order
     * @throws IllegalStateException for a CLOSED or REVOKED order, which WeChat would not let anyone pay
     */
    public SimulatedOrder pay(String outTradeNo) {
        OrderRecord order = existing(outTradeNo);
        synchronized (order) {
            if (order.state == SimulatedTradeState.CLOSED || order.state == SimulatedTradeState.REVOKED) {
                throw new IllegalStateException("order " + outTradeNo + " is " + order.state + " and cannot be paid"
                        + " (force it with setTradeState to simulate a payment that raced the close)");
            }
            if (!order.state.isPaid()) {
                order.moveTo(SimulatedTradeState.SUCCESS);
            }
            return order.snapshot();
        }
    }

    /**
     * Forces an order into any trade state, creating it (1 fen) if unknown. Moving into a paid state
     * records a payment if there was none; moving out of one forgets it.
     */
    public SimulatedOrder setTradeState(String outTradeNo, SimulatedTradeState state) {
        requireOrderId(outTradeNo);
        Objects.requireNonNull(state, "state");
        OrderRecord order = record(outTradeNo, 1, null);
        synchronized (order) {
            order.moveTo(state);
            return order.snapshot();
        }
    }

    /** The order, if the simulator knows it. */
    public Optional<SimulatedOrder> order(String outTradeNo) {
        return Optional.ofNullable(orders.get(outTradeNo)).map(OrderRecord::snapshot);
    }

    /** All orders, in creation order. */
    public List<SimulatedOrder> orders() {
        return orders.values().stream().sorted(Comparator.comparingLong(order -> order.created))
                .map(OrderRecord::snapshot).toList();
    }

    // ---------------------------------------------------------------- notifications

    /** The signed notification XML WeChat would send for a paid order; see {@link PaymentNotifications}. */
    public String notificationXml(String outTradeNo) {
        SimulatedOrder order = order(outTradeNo)
                .orElseThrow(() -> new IllegalArgumentException("unknown order " + outTradeNo));
        return PaymentNotifications.signedXml(account, order);
    }

    /**
     * Sends a paid order's notification to {@code notifyUrl}, as WeChat would. Not under the lock:
     * the shop's handler may well call back into the simulator.
     */
    public NotificationDelivery sendNotification(String outTradeNo, URI notifyUrl) {
        Objects.requireNonNull(notifyUrl, "notifyUrl");
        return PaymentNotifications.post(notifyUrl, notificationXml(outTradeNo));
    }

    /**
     * Sends a paid order's notification to the {@code notify_url} its {@code unifiedorder} gave.
     *
     * @throws IllegalStateException when the order was not created through {@code unifiedorder}
     */
    public NotificationDelivery sendNotification(String outTradeNo) {
        SimulatedOrder order = order(outTradeNo)
                .orElseThrow(() -> new IllegalArgumentException("unknown order " + outTradeNo));
        String url = order.notifyUrl().orElseThrow(() -> new IllegalStateException(
                "order " + outTradeNo + " has no notify_url: give one explicitly"));
        return sendNotification(outTradeNo, URI.create(url));
    }

    // ---------------------------------------------------------------- faults

    /** The next {@code count} calls answer {@code result_code FAIL} with {@code errCode} (e.g. SYSTEMERROR) and have no effect. */
    public void failNext(int count, String errCode) {
        enqueue(faults, count, new Fault(Fault.Kind.ERROR, requireText(errCode, "errCode")));
    }

    /** Like {@link #failNext}, but only for calls about one order; these come before general faults. */
    public void failNextFor(String outTradeNo, int count, String errCode) {
        requireOrderId(outTradeNo);
        enqueue(faultsByOrder.computeIfAbsent(outTradeNo, id -> new ConcurrentLinkedQueue<>()), count,
                new Fault(Fault.Kind.ERROR, requireText(errCode, "errCode")));
    }

    /** The next {@code count} calls take effect but their answers carry a wrong signature. */
    public void badSignatureNext(int count) {
        enqueue(faults, count, new Fault(Fault.Kind.BAD_SIGNATURE, ""));
    }

    /** The next {@code count} calls take effect but their answers are truncated XML. */
    public void malformedNext(int count) {
        enqueue(faults, count, new Fault(Fault.Kind.MALFORMED, ""));
    }

    /** The next call takes effect but is answered with {@code body} verbatim (e.g. an XXE payload). */
    public void respondNext(String body) {
        enqueue(faults, 1, new Fault(Fault.Kind.RAW, Objects.requireNonNull(body, "body")));
    }

    /** The next {@code count} calls take effect but are answered with HTTP {@code status} and an HTML page. */
    public void httpStatusNext(int count, int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        enqueue(faults, count, new Fault(Fault.Kind.HTTP_STATUS, Integer.toString(status)));
    }

    /** The next {@code count} answers are held back for {@code delay} (the call itself takes effect at once). */
    public void delayNext(int count, Duration delay) {
        requireNonNegative(delay);
        for (int i = 0; i < requireCount(count); i++) {
            delays.add(delay);
        }
    }

    /** Holds back every answer for {@code delay} until changed; {@link Duration#ZERO} turns it off. */
    public void delayAll(Duration delay) {
        standingDelay = requireNonNegative(delay);
    }

    /**
     * Forgets all orders, queued faults, delays and recorded requests. Meant for between tests:
     * calls that arrive while it runs may still see some of the old state.
     */
    public void reset() {
        orders.clear();
        faults.clear();
        faultsByOrder.clear();
        delays.clear();
        standingDelay = Duration.ZERO;
        requests.clear();
    }

    // ---------------------------------------------------------------- recorded requests

    /**
     * Keeps only the last {@code count} calls from now on ({@value #DEFAULT_RECORDED_REQUESTS} unless
     * changed); 0 records nothing, for load tests that never look.
     */
    public void recordLastRequests(int count) {
        requests.capacity(count);
    }

    /** The recorded calls received on a WeChat endpoint, oldest first; see {@link #recordLastRequests}. */
    public List<RecordedRequest> requests() {
        return requests.all();
    }

    /** The recorded calls on one endpoint ({@code orderquery}, {@code closeorder}, {@code unifiedorder}) about one order. */
    public List<RecordedRequest> requests(String api, String outTradeNo) {
        return requests.all().stream()
                .filter(request -> request.api().equals(api) && Objects.equals(request.outTradeNo(), outTradeNo))
                .toList();
    }

    // ---------------------------------------------------------------- the API

    /**
     * Answers one call to a WeChat Pay endpoint.
     *
     * @param path the request path, e.g. {@code /pay/orderquery}
     * @param body the request body
     * @return the answer, with the delay the transport should wait before sending it
     */
    public SimulatedResponse handle(String path, String body) {
        String api = path.startsWith("/pay/") ? path.substring("/pay/".length()) : "";
        if (!APIS.contains(api)) {
            return new SimulatedResponse(404, "no such WeChat Pay endpoint: " + path, Duration.ZERO);
        }
        Map<String, String> fields;
        try {
            fields = WxPayXml.parse(body);
        }
        catch (IllegalArgumentException ex) {
            requests.add(new RecordedRequest(api, Map.of(), false, clock.instant()));
            return unsigned(returnFail("XML格式错误"));
        }
        WxPaySignType signType;
        try {
            signType = WxPaySignType.fromWire(fields.get("sign_type"));
        }
        catch (IllegalArgumentException ex) {
            requests.add(new RecordedRequest(api, fields, false, clock.instant()));
            return unsigned(returnFail("sign_type参数错误"));
        }
        boolean signatureValid = signers.get(signType).isValid(fields);
        requests.add(new RecordedRequest(api, fields, signatureValid, clock.instant()));
        if (!signatureValid) {
            return unsigned(returnFail("签名错误"));
        }
        if (!account.appId().equals(fields.get("appid")) || !account.mchId().equals(fields.get("mch_id"))) {
            return unsigned(returnFail("appid和mch_id不匹配"));
        }
        String outTradeNo = fields.get("out_trade_no");
        if (outTradeNo == null || outTradeNo.isEmpty()) {
            return unsigned(returnFail("out_trade_no参数缺失"));
        }

        Duration queuedDelay = delays.poll();
        Duration delay = queuedDelay == null ? standingDelay : queuedDelay;
        Fault fault = nextFault(outTradeNo);
        Map<String, String> answer;
        if (fault != null && !fault.callTakesEffect()) {
            answer = businessError(fault.value());
        }
        else {
            answer = switch (api) {
                case "orderquery" -> orderQuery(outTradeNo);
                case "closeorder" -> closeOrder(outTradeNo);
                default -> unifiedOrder(fields);
            };
        }
        return spoil(fault, sign(answer, signType), delay);
    }

    private Map<String, String> orderQuery(String outTradeNo) {
        OrderRecord record = orders.get(outTradeNo);
        if (record == null) {
            return businessError("ORDERNOTEXIST");
        }
        SimulatedOrder order = record.snapshot();
        Map<String, String> answer = businessSuccess();
        if (order.tradeState().isPaid()) {
            answer.put("openid", PAYER_OPENID);
            answer.put("is_subscribe", "N");
            answer.put("trade_type", "NATIVE");
            answer.put("bank_type", "CMC");
            answer.put("cash_fee", Long.toString(order.totalFee()));
            answer.put("fee_type", "CNY");
            answer.put("transaction_id", order.transactionId().orElseThrow());
            answer.put("time_end", PaymentNotifications.TIME_END.format(order.timeEnd().orElseThrow()));
        }
        answer.put("total_fee", Long.toString(order.totalFee()));
        answer.put("out_trade_no", order.outTradeNo());
        answer.put("attach", "");
        answer.put("trade_state", order.tradeState().name());
        answer.put("trade_state_desc", order.tradeState().description());
        return answer;
    }

    private Map<String, String> closeOrder(String outTradeNo) {
        OrderRecord order = orders.get(outTradeNo);
        if (order == null) {
            return businessError("ORDERNOTEXIST");
        }
        SimulatedTradeState before;
        synchronized (order) {
            before = order.state;
            if (!before.isPaid() && before != SimulatedTradeState.CLOSED && before != SimulatedTradeState.REVOKED) {
                order.moveTo(SimulatedTradeState.CLOSED);
            }
        }
        return switch (before) {
            case SUCCESS, REFUND -> businessError("ORDERPAID");
            case CLOSED, REVOKED -> businessError("ORDERCLOSED");
            case NOTPAY, USERPAYING, PAYERROR, ACCEPT -> {
                Map<String, String> answer = businessSuccess();
                answer.put("result_msg", "OK");
                yield answer;
            }
        };
    }

    private Map<String, String> unifiedOrder(Map<String, String> request) {
        String outTradeNo = request.get("out_trade_no");
        long totalFee;
        try {
            totalFee = Long.parseLong(request.getOrDefault("total_fee", ""));
        }
        catch (NumberFormatException ex) {
            totalFee = -1;
        }
        if (totalFee <= 0) {
            return returnFail("total_fee参数错误");
        }
        OrderRecord order = record(outTradeNo, totalFee, request.get("notify_url"));
        SimulatedTradeState state;
        synchronized (order) {
            state = order.state;
        }
        if (state.isPaid()) {
            return businessError("ORDERPAID");
        }
        if (state == SimulatedTradeState.CLOSED || state == SimulatedTradeState.REVOKED) {
            return businessError("ORDERCLOSED");
        }
        if (order.totalFee != totalFee) {
            return businessError("OUT_TRADE_NO_USED");
        }
        Map<String, String> answer = businessSuccess();
        answer.put("trade_type", request.getOrDefault("trade_type", "NATIVE"));
        answer.put("prepay_id", order.prepayId);
        answer.put("code_url", "weixin://wxpay/bizpayurl?pr=" + order.prepayId.substring(2, 9));
        return answer;
    }

    // ---------------------------------------------------------------- answer building

    private static Map<String, String> returnFail(String message) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "FAIL");
        answer.put("return_msg", message);
        return answer;
    }

    private Map<String, String> businessSuccess() {
        return successEnvelope(account);
    }

    /** The fields every successful answer and notification of this merchant starts with. */
    static Map<String, String> successEnvelope(MerchantAccount account) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "SUCCESS");
        answer.put("return_msg", "OK");
        answer.put("appid", account.appId());
        answer.put("mch_id", account.mchId());
        answer.put("nonce_str", WxPayNonces.next());
        answer.put("result_code", "SUCCESS");
        return answer;
    }

    private Map<String, String> businessError(String errCode) {
        Map<String, String> answer = businessSuccess();
        answer.put("result_code", "FAIL");
        answer.put("err_code", errCode);
        answer.put("err_code_des", ERROR_DESCRIPTIONS.getOrDefault(errCode, errCode));
        return answer;
    }

    private String sign(Map<String, String> answer, WxPaySignType signType) {
        if ("SUCCESS".equals(answer.get("return_code"))) {
            answer.put("sign", signers.get(signType).sign(answer));
        }
        return WxPayXml.write(answer);
    }

    private static SimulatedResponse unsigned(Map<String, String> answer) {
        return new SimulatedResponse(200, WxPayXml.write(answer), Duration.ZERO);
    }

    private SimulatedResponse spoil(Fault fault, String body, Duration delay) {
        if (fault == null) {
            return new SimulatedResponse(200, body, delay);
        }
        return switch (fault.kind()) {
            case ERROR -> new SimulatedResponse(200, body, delay);
            case BAD_SIGNATURE -> {
                Map<String, String> fields = WxPayXml.parse(body);
                // Signed with a different key: well-formed, plausible, and wrong.
                fields.put("sign", new WxPaySigner(account.apiKey() + "-wrong", WxPaySignType.MD5).sign(fields));
                yield new SimulatedResponse(200, WxPayXml.write(fields), delay);
            }
            case MALFORMED -> new SimulatedResponse(200, body.substring(0, body.length() / 2), delay);
            case RAW -> new SimulatedResponse(200, fault.value(), delay);
            case HTTP_STATUS -> new SimulatedResponse(Integer.parseInt(fault.value()),
                    "<html><body>" + fault.value() + "</body></html>", delay);
        };
    }

    private Fault nextFault(String outTradeNo) {
        Queue<Fault> forOrder = faultsByOrder.get(outTradeNo);
        Fault fault = forOrder == null ? null : forOrder.poll();
        return fault != null ? fault : faults.poll();
    }

    // ---------------------------------------------------------------- helpers

    /** The order, created with {@code totalFee} and {@code notifyUrl} if it does not exist yet. */
    private OrderRecord record(String outTradeNo, long totalFee, String notifyUrl) {
        return orders.computeIfAbsent(outTradeNo, id -> new OrderRecord(id, totalFee, notifyUrl));
    }

    private OrderRecord existing(String outTradeNo) {
        OrderRecord order = orders.get(outTradeNo);
        if (order == null) {
            throw new IllegalArgumentException("unknown order " + outTradeNo);
        }
        return order;
    }

    private static void enqueue(Queue<Fault> queue, int count, Fault fault) {
        for (int i = 0; i < requireCount(count); i++) {
            queue.add(fault);
        }
    }

    private static int requireCount(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        return count;
    }

    private static Duration requireNonNegative(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must be zero or positive: " + delay);
        }
        return delay;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static void requireOrderId(String outTradeNo) {
        requireText(outTradeNo, "outTradeNo");
    }

    /** One order; its mutable state is only touched while holding the record's own lock. */
    private final class OrderRecord {

        final String outTradeNo;

        final long totalFee;

        final String notifyUrl;

        final String prepayId;

        final long created = creations.incrementAndGet();

        SimulatedTradeState state = SimulatedTradeState.NOTPAY;

        String transactionId;

        Instant timeEnd;

        OrderRecord(String outTradeNo, long totalFee, String notifyUrl) {
            this.outTradeNo = outTradeNo;
            this.totalFee = totalFee;
            this.notifyUrl = notifyUrl;
            this.prepayId = "wx" + PaymentNotifications.TIME_END.format(clock.instant()) + sequence.incrementAndGet();
        }

        void moveTo(SimulatedTradeState next) {
            if (next.isPaid() && transactionId == null) {
                Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
                // 28 digits like WeChat's: "4200" + payment date + a sequence number.
                transactionId = "4200" + PaymentNotifications.TIME_END.format(now).substring(0, 8)
                        + String.format("%016d", sequence.incrementAndGet());
                timeEnd = now;
            }
            else if (!next.isPaid()) {
                transactionId = null;
                timeEnd = null;
            }
            state = next;
        }

        synchronized SimulatedOrder snapshot() {
            return new SimulatedOrder(outTradeNo, state, totalFee, Optional.ofNullable(transactionId),
                    Optional.ofNullable(timeEnd), Optional.ofNullable(notifyUrl));
        }
    }
}
