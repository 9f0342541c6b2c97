package io.github.delayclose.sample.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.delayclose.autoconfigure.DelayCloseProperties;
import io.github.delayclose.core.spi.ChannelPaymentGateway;
import io.github.delayclose.sample.payment.WxPayAccount;
import io.github.delayclose.sample.web.ApiException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's controls, proxied to the built-in WeChat Pay simulator. With real merchant credentials
 * (simulator off) they answer 409: the demo then sends no {@code unifiedorder}, so WeChat Pay does not
 * know its orders, nobody can pay them, and they are closed as unknown to WeChat Pay.
 */
@RestController
@RequestMapping("/api/demo")
class DemoController {

    private final ObjectProvider<WxPaySimulatorControls> simulator;

    private final WxPayAccount account;

    private final DelayCloseProperties delayClose;

    private final ObjectProvider<DemoChannel> demoChannels;

    private final ObjectProvider<ChannelPaymentGateway> gateways;

    DemoController(ObjectProvider<WxPaySimulatorControls> simulator, WxPayAccount account,
            DelayCloseProperties delayClose, ObjectProvider<DemoChannel> demoChannels,
            ObjectProvider<ChannelPaymentGateway> gateways) {
        this.demoChannels = demoChannels;
        this.gateways = gateways;
        this.simulator = simulator;
        this.account = account;
        this.delayClose = delayClose;
    }

    /** How the demo is set up, for the page. */
    @GetMapping
    Map<String, Object> settings() {
        WxPaySimulatorControls controls = simulator.getIfAvailable();
        return Map.of(
                "simulator", controls != null,
                "wxpayBaseUrl", account.settings().baseUrl(),
                "notifyUrl", controls != null ? controls.notifyUrl().toString() : "",
                "timeoutSeconds", delayClose.timeout().toSeconds(),
                "channels", gateways.orderedStream().map(ChannelPaymentGateway::channel).toList(),
                "simulatedChannels", demoChannels.orderedStream()
                        .map(demo -> Map.of("channel", demo.channel(), "label", demo.label(), "url", demo.url()))
                        .toList());
    }

    /** Each order's trade state at the simulated channels (Alipay, WeChat Pay v3), for the orders one of them knows. */
    @GetMapping("/channel-trades")
    Map<String, String> channelTrades(@RequestParam List<String> ids) {
        List<DemoChannel> simulated = demoChannels.orderedStream().toList();
        Map<String, String> trades = new LinkedHashMap<>();
        ids.stream().limit(200).forEach(id -> simulated.stream().map(demo -> demo.tradeState(id))
                .filter(state -> !state.isEmpty()).findFirst().ifPresent(state -> trades.put(id, state)));
        return trades;
    }

    /**
     * The payer pays at the simulated channel that knows the order, and its notification is lost:
     * delay-close finds the payment at the deadline.
     */
    @PostMapping("/orders/{id}/channel-pay")
    Map<String, String> channelPay(@PathVariable String id) {
        DemoChannel knows = demoChannels.orderedStream().filter(demo -> !demo.tradeState(id).isEmpty()).findFirst()
                .orElseThrow(() -> ApiException.conflict("no simulated channel (Alipay, WeChat Pay v3) knows order " + id));
        return Map.of("tradeState", knows.pay(id));
    }

    @GetMapping("/wxpay/trades")
    List<WxPaySimulatorControls.Trade> trades() {
        return controls().trades();
    }

    @PostMapping("/orders/{id}/pay")
    WxPaySimulatorControls.PayResult pay(@PathVariable String id, @RequestParam(defaultValue = "true") boolean notify) {
        return controls().pay(id, notify);
    }

    @PostMapping("/orders/{id}/user-paying")
    WxPaySimulatorControls.Trade userPaying(@PathVariable String id) {
        return controls().userPaying(id);
    }

    @PostMapping("/orders/{id}/late-payment")
    WxPaySimulatorControls.PayResult latePayment(@PathVariable String id) {
        return controls().latePayment(id);
    }

    @PostMapping("/orders/{id}/fail-until-parked")
    WxPaySimulatorControls.Trade failUntilParked(@PathVariable String id) {
        return controls().failUntilParked(id, delayClose.retry().maxAttempts());
    }

    @PostMapping("/wxpay/system-error")
    Map<String, String> systemErrorNext() {
        controls().systemErrorNext();
        return Map.of("result", "the next WeChat Pay call answers SYSTEMERROR");
    }

    private WxPaySimulatorControls controls() {
        WxPaySimulatorControls controls = simulator.getIfAvailable();
        if (controls == null) {
            throw ApiException.conflict("The WeChat Pay simulator is off (demo.wxpay-simulator.enabled=false): this shop "
                    + "talks to WeChat Pay at " + account.settings().baseUrl() + ". It sends no unifiedorder, so its "
                    + "orders cannot be paid there: they are closed at the end of their window, as not known to WeChat Pay.");
        }
        return controls;
    }
}
