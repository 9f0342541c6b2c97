/**
 * The counters delay-close reports on a Micrometer registry, all under the {@code delay.close} prefix.
 */
@NullMarked
package io.github.delayclose.core.metrics;

import org.jspecify.annotations.NullMarked;
