/**
 * delay-close's Actuator endpoint ({@code /actuator/delayclose}): parked orders, replay and discard,
 * and where closes stand; and its auto-configuration.
 */
@NullMarked
package io.github.delayclose.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
