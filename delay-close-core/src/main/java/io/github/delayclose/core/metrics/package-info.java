/**
 * What delay-close reports: counters and timers ({@link io.github.delayclose.core.metrics.DelayCloseMetrics},
 * on Micrometer when the application has it), gauges of its queues and parked orders, and the
 * observations around each close and provider call. Micrometer's core is optional: only
 * {@code MicrometerDelayCloseMetrics} and {@code DelayCloseGauges} need it.
 */
@NullMarked
package io.github.delayclose.core.metrics;

import org.jspecify.annotations.NullMarked;
