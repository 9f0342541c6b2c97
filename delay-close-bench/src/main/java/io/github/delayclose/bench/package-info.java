/** The benchmark driver behind {@code bench/run}. */
@NullMarked
package io.github.delayclose.bench;

import org.jspecify.annotations.NullMarked;
