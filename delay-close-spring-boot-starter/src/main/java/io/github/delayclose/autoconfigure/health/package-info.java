/**
 * delay-close's Actuator health indicator ({@code /actuator/health/delayClose}) and its
 * auto-configuration.
 */
@NullMarked
package io.github.delayclose.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
