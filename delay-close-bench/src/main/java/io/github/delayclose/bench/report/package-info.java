/** Figures and the RESULT line: percentiles, lateness windows, peak rates, load average. */
@NullMarked
package io.github.delayclose.bench.report;

import org.jspecify.annotations.NullMarked;
