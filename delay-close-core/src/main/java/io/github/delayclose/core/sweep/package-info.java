/**
 * The safety-net sweep, which sends overdue unpaid orders whose delay message never reached the
 * broker, or was lost, to the dead-letter exchange.
 */
@NullMarked
package io.github.delayclose.core.sweep;

import org.jspecify.annotations.NullMarked;
