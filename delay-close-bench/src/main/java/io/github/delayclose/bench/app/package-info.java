/** The application under test, run by the driver in a JVM of its own. */
@NullMarked
package io.github.delayclose.bench.app;

import org.jspecify.annotations.NullMarked;
