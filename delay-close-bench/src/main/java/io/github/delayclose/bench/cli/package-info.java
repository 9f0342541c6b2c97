/** The command line of {@code bench/run}. */
@NullMarked
package io.github.delayclose.bench.cli;

import org.jspecify.annotations.NullMarked;
