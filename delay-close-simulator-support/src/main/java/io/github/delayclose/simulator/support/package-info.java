/**
 * What the provider simulators share: {@link io.github.delayclose.simulator.support.LoopbackServer},
 * {@link io.github.delayclose.simulator.support.SimulatedAnswer}, {@link io.github.delayclose.simulator.support.JsonText}, {@link io.github.delayclose.simulator.support.CallLog} and
 * {@link io.github.delayclose.simulator.support.TestKeyPair}.
 */
@NullMarked
package io.github.delayclose.simulator.support;

import org.jspecify.annotations.NullMarked;
