package io.github.delayclose.sample.simulator;

import java.io.UncheckedIOException;
import java.net.BindException;

import io.github.delayclose.sample.payment.WxPayAccount;
import io.github.delayclose.sample.shop.PaymentTrades;
import io.github.delayclose.sample.shop.ShopQueries;
import io.github.delayclose.wxpay.WxPaySettings;
import io.github.delayclose.wxpay.protocol.WxPaySignType;
import io.github.delayclose.wxpay.simulator.MerchantAccount;
import io.github.delayclose.wxpay.simulator.SimulatorServer;
import io.github.delayclose.wxpay.simulator.WxPaySimulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Runs a WeChat Pay v2 simulator inside the shop ({@code demo.wxpay-simulator.enabled}), serving the
 * merchant account of {@code delay-close.wxpay.*} over real HTTP with signed XML. The starter's
 * WeChat Pay gateway talks to it exactly as it would to WeChat, and the page's buttons drive it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("demo.wxpay-simulator.enabled")
class WxPaySimulatorConfiguration {

    private static final Log log = LogFactory.getLog(WxPaySimulatorConfiguration.class);

    @Bean(destroyMethod = "stop")
    SimulatorServer wxPaySimulatorServer(WxPayAccount account, WxPaySimulatorProperties properties) {
        WxPaySettings settings = account.settings();
        MerchantAccount merchant = new MerchantAccount(settings.appId(), settings.mchId(), settings.apiKey(),
                settings.signType() == WxPaySignType.HMAC_SHA256 ? WxPaySignType.HMAC_SHA256 : WxPaySignType.MD5);
        SimulatorServer server;
        try {
            server = SimulatorServer.start(new WxPaySimulator(merchant), properties.port());
        }
        catch (UncheckedIOException ex) {
            if (ex.getCause() instanceof BindException) {
                throw new SimulatorPortInUseException(properties.port(), ex);
            }
            throw new IllegalStateException("The WeChat Pay simulator cannot listen on 127.0.0.1:" + properties.port()
                    + " (" + ex.getCause().getMessage() + "). Free the port or choose another with "
                    + "WXPAY_SIMULATOR_PORT.", ex);
        }
        if (!server.baseUrl().equals(settings.baseUrl())) {
            server.stop();
            throw new IllegalStateException("The WeChat Pay simulator is on at " + server.baseUrl()
                    + ", but delay-close.wxpay.base-url is " + settings.baseUrl() + ". To use the simulator, unset "
                    + "WXPAY_BASE_URL; to talk to WeChat Pay, set WXPAY_SIMULATOR=false.");
        }
        log.info("WeChat Pay simulator listening on " + server.baseUrl() + " for " + merchant
                + " (demo.wxpay-simulator.enabled=true; give WXPAY_APP_ID, WXPAY_MCH_ID and WXPAY_API_KEY to use real "
                + "WeChat Pay)");
        return server;
    }

    @Bean
    WxPaySimulatorControls wxPaySimulatorControls(SimulatorServer server, WxPaySimulatorProperties properties,
            Environment environment, ShopQueries queries) {
        return new WxPaySimulatorControls(server.simulator(), properties, environment, queries);
    }

    @Bean
    PaymentTrades simulatedPaymentTrades(SimulatorServer server) {
        // What unifiedorder would do: WeChat now knows the order and its amount.
        return (orderId, totalFee) -> server.simulator().createOrder(orderId, totalFee);
    }
}
