/** The baseline: the tutorial's order-timeout design, step for step. */
@NullMarked
package io.github.delayclose.bench.app.tutorial;

import org.jspecify.annotations.NullMarked;
