/**
 * A local stand-in for WeChat Pay v2 ({@code /pay/unifiedorder}, {@code /pay/orderquery},
 * {@code /pay/closeorder}, signed XML, MD5 and HMAC-SHA256) for tests and the demo.
 *
 * <p>{@link io.github.delayclose.wxpay.simulator.WxPaySimulator} holds the orders and the controls
 * (pay an order, force a trade state, inject {@code SYSTEMERROR}, delays, bad signatures, malformed
 * XML) and records every request; {@link io.github.delayclose.wxpay.simulator.SimulatorServer}
 * serves it over HTTP on 127.0.0.1. JDK only, so it can sit on any test class path.
 */
package io.github.delayclose.wxpay.simulator;
