package io.github.delayclose.sample.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.delayclose.autoconfigure.DelayCloseProperties;
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

    private final ObjectProvider<AlipayDemo> alipay;

    DemoController(ObjectProvider<WxPaySimulatorControls> simulator, WxPayAccount account,
            DelayCloseProperties delayClose, ObjectProvider<AlipayDemo> alipay) {
        this.alipay = alipay;
        this.simulator = simulator;
        this.account = account;
        this.delayClose = delayClose;
    }

    /** How the demo is set up, for the page. */
    @GetMapping
    Map<String, Object> settings() {
        WxPaySimulatorControls controls = simulator.getIfAvailable();
        AlipayDemo alipayDemo = alipay.getIfAvailable();
        return Map.of(
                "simulator", controls != null,
                "wxpayBaseUrl", account.settings().baseUrl(),
                "notifyUrl", controls != null ? controls.notifyUrl().toString() : "",
                "timeoutSeconds", delayClose.timeout().toSeconds(),
                "alipayGatewayUrl", alipayDemo != null ? alipayDemo.gatewayUrl() : "");
    }

    /** The trade status of each order at the demo's Alipay, for the orders it knows. */
    @GetMapping("/alipay/trades")
    Map<String, String> alipayTrades(@RequestParam List<String> ids) {
        AlipayDemo alipayDemo = alipayDemo();
        Map<String, String> trades = new LinkedHashMap<>();
        ids.stream().limit(200).forEach(id -> {
            String status = alipayDemo.tradeStatus(id);
            if (!status.isEmpty()) {
                trades.put(id, status);
            }
        });
        return trades;
    }

    /** The payer pays with Alipay, and its notification is lost: delay-close finds the payment at the deadline. */
    @PostMapping("/orders/{id}/alipay-pay")
    Map<String, String> alipayPay(@PathVariable String id) {
        try {
            return Map.of("tradeStatus", alipayDemo().pay(id).name());
        }
        catch (IllegalArgumentException ex) {
            throw ApiException.conflict(ex.getMessage());
        }
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

    private AlipayDemo alipayDemo() {
        AlipayDemo alipayDemo = alipay.getIfAvailable();
        if (alipayDemo == null) {
            throw ApiException.conflict("The demo's Alipay is off: start the shop with ALIPAY_SIMULATOR=true");
        }
        return alipayDemo;
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
