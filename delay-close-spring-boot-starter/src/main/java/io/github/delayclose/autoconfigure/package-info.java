/**
 * Spring Boot auto-configuration of delay-close, one configuration class per concern, with its
 * validated {@code delay-close.*} properties, the listener container customizer and the failure
 * analysis of its start-up errors.
 */
@NullMarked
package io.github.delayclose.autoconfigure;

import org.jspecify.annotations.NullMarked;
