/**
 * A local WeChat Pay API v3 for tests and demos: {@link io.github.delayclose.wxpay.v3.simulator.WxPayV3Simulator}
 * answers order queries and closes as WeChat Pay v3 does, signed with a key pair of its own, and
 * {@link io.github.delayclose.wxpay.v3.simulator.WxPayV3SimulatorServer} serves it over HTTP on 127.0.0.1.
 */
@NullMarked
package io.github.delayclose.wxpay.v3.simulator;

import org.jspecify.annotations.NullMarked;
