/**
 * A local Alipay OpenAPI gateway for tests and demos: {@link io.github.delayclose.alipay.simulator.AlipaySimulator}
 * answers {@code alipay.trade.query} and {@code alipay.trade.close} as Alipay does, signed with a key pair of its own,
 * and {@link io.github.delayclose.alipay.simulator.AlipaySimulatorServer} serves it over HTTP on 127.0.0.1.
 */
@NullMarked
package io.github.delayclose.alipay.simulator;

import org.jspecify.annotations.NullMarked;
