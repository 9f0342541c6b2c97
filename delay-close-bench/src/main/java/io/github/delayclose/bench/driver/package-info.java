/** What the driver runs a scenario with: databases, the broker, the provider simulator, the application under test. */
@NullMarked
package io.github.delayclose.bench.driver;

import org.jspecify.annotations.NullMarked;
