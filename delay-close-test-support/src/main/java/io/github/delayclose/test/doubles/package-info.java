/**
 * In-memory implementations of the three SPIs for unit tests without a database or a payment
 * provider. Each passes its SPI's contract suite in {@code io.github.delayclose.test.contract}.
 */
@NullMarked
package io.github.delayclose.test.doubles;

import org.jspecify.annotations.NullMarked;
