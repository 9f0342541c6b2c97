/** The scenarios of {@code bench/run}, one class each. */
@NullMarked
package io.github.delayclose.bench.scenario;

import org.jspecify.annotations.NullMarked;
