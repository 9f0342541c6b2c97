/**
 * The close decision table as pure functions: what to do given the local state, the provider's trade
 * state, the provider's answer to a close, or a payment notification. No I/O.
 */
@NullMarked
package io.github.delayclose.core.decision;

import org.jspecify.annotations.NullMarked;
